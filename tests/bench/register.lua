-- wrk script: every request registers a different address for the bench edition.
local counter = 0
local thread_id = 0
setup = function(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end
init = function(args)
  counter = 0
end
request = function()
  counter = counter + 1
  local body = string.format(
    '{"name":"Bench %d-%d","email":"bench-%d-%d@example.org","consent":true,"waitlist":true}',
    id, counter, id, counter)
  return wrk.format("POST", "/api/events/bench/registrations",
    { ["Content-Type"] = "application/json" }, body)
end

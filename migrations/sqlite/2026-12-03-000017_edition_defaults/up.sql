-- Reads never write: an edition's defaults are planted when it is created (editions::seeds).
-- Editions from before got them on the first look at a page; those never looked at get
-- them here, as the pages would have made them.
INSERT INTO ticket_types (id, edition_id, name, kind, capacity, taken, starts_at, ends_at,
                          position, waitlist_joined, waitlist_active)
SELECT lower(hex(randomblob(16))), e.id, 'Conference', 'conference', 500, 0, NULL, NULL, 0, 0, 0 FROM editions e
WHERE NOT EXISTS (SELECT 1 FROM ticket_types t WHERE t.edition_id = e.id);

INSERT INTO session_types (id, edition_id, name, duration_minutes, deadline, hidden, position)
SELECT lower(hex(randomblob(16))), e.id, d.name, d.minutes, NULL, 0, d.position FROM editions e
CROSS JOIN (SELECT 'Talk' AS name, 45 AS minutes, 0 AS position
            UNION ALL SELECT 'Lightning talk', 15, 1
            UNION ALL SELECT 'Workshop', 180, 2) d
WHERE NOT EXISTS (SELECT 1 FROM session_types s WHERE s.edition_id = e.id);

INSERT INTO checkin_lists (id, edition_id, slug, name, all_tickets, created_at)
SELECT lower(hex(randomblob(16))), e.id, 'entrance', 'Entrance', 1, strftime('%Y-%m-%d %H:%M:%f', 'now') FROM editions e
WHERE NOT EXISTS (SELECT 1 FROM checkin_lists l WHERE l.edition_id = e.id AND l.slug = 'entrance');

-- The review's categories only where organisers never configured the review (what they
-- deleted stays deleted).
INSERT INTO score_categories (id, edition_id, name, min_score, max_score, labels, weight, position)
SELECT lower(hex(randomblob(16))), e.id, d.name, 0, 3, d.labels, 1, d.position FROM editions e
CROSS JOIN (SELECT 'Relevance' AS name,
                   'not relevant' || char(10) || 'somewhat' || char(10) || 'relevant' || char(10) || 'highly relevant' AS labels,
                   0 AS position
            UNION ALL SELECT 'Quality', 'weak' || char(10) || 'fair' || char(10) || 'good' || char(10) || 'excellent', 1
            UNION ALL SELECT 'Fit for the audience',
                   'poor fit' || char(10) || 'partial' || char(10) || 'good' || char(10) || 'perfect', 2) d
WHERE NOT EXISTS (SELECT 1 FROM score_categories c WHERE c.edition_id = e.id)
  AND NOT EXISTS (SELECT 1 FROM review_settings r WHERE r.edition_id = e.id);

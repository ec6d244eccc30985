//! `devday schedule-solve`: the timetable optimiser on a file in the neutral format, for
//! benchmarks and for comparing with other schedulers.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use devday_schedule::solver::{self, neutral, Options};

pub fn run(
    instance: &Path,
    out: &Path,
    seed: u64,
    time_limit: f64,
    iterations: u64,
) -> anyhow::Result<()> {
    let json = std::fs::read_to_string(instance)
        .with_context(|| format!("reading {}", instance.display()))?;
    let (inst, problem) =
        neutral::read(&json).with_context(|| format!("reading {}", instance.display()))?;
    let began = Instant::now();
    let options = Options {
        seed,
        iterations,
        time_limit: Duration::try_from_secs_f64(time_limit)
            .context("--time-limit must be a positive number of seconds")?,
        ..Options::default()
    };
    let outcome = solver::solve(&problem, &options)?;
    let took = began.elapsed();
    let solution = neutral::write(
        &inst,
        &outcome.slot_of,
        format!("devday {} (seed {seed})", env!("CARGO_PKG_VERSION")),
    );
    std::fs::write(out, serde_json::to_string(&solution)?)
        .with_context(|| format!("writing {}", out.display()))?;
    let (from, to) = (outcome.start_score, outcome.score);
    println!(
        "{}: {} talks; favourite clashes {} -> {}; overflow seats {} -> {}; {} steps in {:.2} s{}",
        inst.name,
        problem.talks.len(),
        from.clashes,
        to.clashes,
        from.overflow_seats,
        to.overflow_seats,
        outcome.iterations,
        took.as_secs_f64(),
        if outcome.stopped_early {
            " (time limit)"
        } else {
            ""
        }
    );
    Ok(())
}

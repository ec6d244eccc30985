use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use devday_shared::config::{LogFormat, Settings};
use tracing_subscriber::EnvFilter;

use crate::{backup, commands, demo, server, solve};

#[derive(Parser)]
#[command(
    name = "devday",
    version,
    about = "devday: one program for a developer conference's whole year"
)]
struct Cli {
    /// A configuration file over the built-in defaults (see config/default.toml).
    #[arg(long, env = "DEVDAY_CONFIG", global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Fill the database with a demo edition (slug devday-demo) and demo accounts.
    Demo,
    /// Create an admin, or make an existing account admin; reads the password from stdin.
    CreateAdmin {
        #[arg(long)]
        email: String,
        /// Display name for a new account.
        #[arg(long)]
        name: Option<String>,
    },
    /// Create an API token for an account and print it.
    CreateToken {
        #[arg(long)]
        email: String,
        /// What the token is for, e.g. "door scanner 1".
        #[arg(long)]
        name: String,
    },
    /// Write a consistent copy of the live SQLite database to a new file.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Put an SQLite backup in place of the database (stop the server first).
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// Write print-ready badges of an edition's confirmed registrations to a PDF.
    Badges {
        #[arg(long)]
        edition: String,
        #[arg(long)]
        out: PathBuf,
        /// "sheet" (A4, four badges with crop marks) or "single" (A6 per page).
        #[arg(long, default_value = "sheet")]
        layout: String,
        /// Only holders of this ticket type (its id).
        #[arg(long)]
        ticket_type: Option<String>,
        /// Only "speaker", "team" or "attendee".
        #[arg(long)]
        role: Option<String>,
        /// Language of the role bands: en or de.
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Print the ticket codes of an edition's confirmed registrations as CSV (name, email,
    /// code), for badges made elsewhere or a mail merge.
    TicketCodes {
        #[arg(long)]
        edition: String,
    },
    /// Propose a timetable for a scheduling instance (confsched-instance/1 JSON) and write
    /// the solution (confsched-solution/1). Needs no database.
    ScheduleSolve {
        instance: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// The same seed and steps give the same timetable.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Seconds; the search stops early with the best timetable so far (the default
        /// keeps a whole run, reading and writing included, under 30 s).
        #[arg(long, default_value_t = 25.0)]
        time_limit: f64,
        /// Steps of the search; 0 picks a number from the problem's size.
        #[arg(long, default_value_t = 0)]
        iterations: u64,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("devday: {e}");
            return ExitCode::from(2);
        }
    };
    init_tracing(&settings);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => server::serve(settings),
        Command::Migrate => commands::migrate(&settings),
        Command::Demo => demo::run(&settings),
        Command::CreateAdmin { email, name } => {
            commands::create_admin(&settings, &email, name.as_deref())
        }
        Command::CreateToken { email, name } => commands::create_token(&settings, &email, &name),
        Command::Badges {
            edition,
            out,
            layout,
            ticket_type,
            role,
            lang,
        } => commands::badges(
            &settings,
            &edition,
            &out,
            &lang,
            devday_badges::printing::Selection {
                ticket_type: ticket_type.map(Into::into),
                role,
                layout: Some(layout),
            },
        ),
        Command::Backup { out } => backup::backup(&settings, &out),
        Command::Restore { from } => backup::restore(&settings, &from),
        Command::TicketCodes { edition } => commands::ticket_codes(&settings, &edition),
        Command::ScheduleSolve {
            instance,
            out,
            seed,
            time_limit,
            iterations,
        } => solve::run(&instance, &out, seed, time_limit, iterations),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("devday: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(settings: &Settings) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&settings.log.filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match settings.log.format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

//! The small command-line tasks: migrate, create-admin, create-token.

use std::io::BufRead;

use anyhow::{bail, Context};
use devday_db::{run_migrations, DbConn};
use devday_shared::accounts::password::Passwords;
use devday_shared::accounts::{api_tokens, password, service, users, EmailAddress};
use devday_shared::config::Settings;
use devday_shared::i18n::Locale;

/// Opens the configured database, creating an SQLite file's folder, and migrates it.
pub fn connect(settings: &Settings) -> anyhow::Result<DbConn> {
    let url = &settings.database.url;
    if let Some(parent) = url
        .sqlite_path()
        .and_then(|p| std::path::Path::new(p).parent())
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    let mut conn = url
        .connect()
        .with_context(|| format!("database.url: cannot connect to {url:?}"))?;
    let ran = run_migrations(&mut conn)?;
    if ran > 0 {
        tracing::info!(migrations = ran, "database migrated");
    }
    Ok(conn)
}

pub fn migrate(settings: &Settings) -> anyhow::Result<()> {
    connect(settings)?;
    println!("database is up to date");
    Ok(())
}

pub fn create_admin(settings: &Settings, email: &str, name: Option<&str>) -> anyhow::Result<()> {
    let email = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let mut secret = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut secret)
        .context("reading the password from stdin")?;
    let secret = secret.trim_end_matches(['\r', '\n']);
    if let Err(e) = password::check_policy(secret) {
        bail!(
            "the password must have {} to {} characters ({e:?})",
            password::MIN_LENGTH,
            password::MAX_LENGTH
        );
    }
    let hash = Passwords::new(&settings.security)
        .map_err(|e| anyhow::anyhow!("security.argon2: {e}"))?
        .hash(secret)?;
    let mut conn = connect(settings)?;
    match users::by_email(&mut conn, &email)? {
        Some(user) => {
            users::set_admin(&mut conn, &user.id, true)?;
            users::set_password_hash(&mut conn, &user.id, &hash)?;
            users::confirm_email(&mut conn, &user.id)?;
            println!("{email} is now an admin (password updated)");
        }
        None => {
            let name = name.unwrap_or_else(|| email.as_str().split('@').next().unwrap_or("admin"));
            let name = service::validate_name(name).map_err(|e| anyhow::anyhow!("--name: {e}"))?;
            users::create(
                &mut conn,
                users::NewUser {
                    email: &email,
                    display_name: &name,
                    password_hash: Some(&hash),
                    locale: Locale::En,
                    is_admin: true,
                    confirmed: true,
                },
            )?;
            println!("created admin {email}");
        }
    }
    Ok(())
}

pub fn create_token(settings: &Settings, email: &str, name: &str) -> anyhow::Result<()> {
    let email = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let name = service::validate_name(name).map_err(|e| anyhow::anyhow!("--name: {e}"))?;
    let mut conn = connect(settings)?;
    let user = users::by_email(&mut conn, &email)?
        .with_context(|| format!("no account with the email {email}"))?;
    let (_, secret) = api_tokens::create(&mut conn, &user.id, &name)?;
    println!("{secret}");
    Ok(())
}

/// The edition named on the command line.
fn edition(conn: &mut DbConn, slug: &str) -> anyhow::Result<devday_shared::editions::Edition> {
    devday_shared::editions::queries::by_slug(conn, slug)?
        .with_context(|| format!("--edition: no edition {slug}"))
}

/// `devday badges`: the same PDF as the organisers' page, written to a file.
pub fn badges(
    settings: &Settings,
    slug: &str,
    out: &std::path::Path,
    lang: &str,
    selection: devday_badges::printing::Selection,
) -> anyhow::Result<()> {
    if selection
        .layout
        .as_deref()
        .and_then(devday_badges::pdf::Layout::parse)
        .is_none()
    {
        anyhow::bail!("--layout: use sheet or single");
    }
    if let Some(role) = selection.role.as_deref() {
        if devday_badges::pdf::Role::parse(role).is_none() {
            anyhow::bail!("--role: use speaker, team or attendee, not {role}");
        }
    }
    let locale = devday_shared::i18n::Locale::parse(lang)
        .with_context(|| format!("--lang: use en or de, not {lang}"))?;
    let mut conn = connect(settings)?;
    let edition = edition(&mut conn, slug)?;
    let i18n = devday_shared::i18n::I18n::load()?;
    let pdf = devday_badges::printing::badges_pdf(&mut conn, &i18n, locale, &edition, &selection)
        .map_err(|e| match e {
        devday_shared::AppError::NotFound => anyhow::anyhow!("no confirmed registrations match"),
        other => anyhow::anyhow!("{other}"),
    })?;
    std::fs::write(out, &pdf).with_context(|| format!("writing {}", out.display()))?;
    println!("{} bytes written to {}", pdf.len(), out.display());
    Ok(())
}

/// `devday ticket-codes`: name, email and code of every valid ticket, as CSV on stdout.
pub fn ticket_codes(settings: &Settings, slug: &str) -> anyhow::Result<()> {
    let mut conn = connect(settings)?;
    let edition = edition(&mut conn, slug)?;
    let mut out = csv::Writer::from_writer(std::io::stdout().lock());
    out.write_record(["name", "email", "code"])?;
    for holder in devday_badges::tickets::confirmed(&mut conn, &edition.id)? {
        if let Some(code) = devday_badges::tickets::code(&mut conn, &holder)? {
            use devday_shared::spreadsheet::cell;
            out.write_record([
                cell(&holder.name).as_ref(),
                cell(&holder.email).as_ref(),
                &code,
            ])?;
        }
    }
    out.flush()?;
    Ok(())
}

//! Review settings of an edition and its score categories.

use chrono::NaiveDateTime;
use devday_db::schema::{review_settings::dsl as rs, score_categories::dsl as sc};
use devday_db::{write_transaction, DbConn};
use devday_shared::bilingual::Name;
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::EditionId;
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::time::parse_local;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = devday_db::schema::review_settings)]
pub struct ReviewSettings {
    pub edition_id: EditionId,
    pub opens_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
    pub comment_required: bool,
    /// Reviewers see no speaker names, emails, companies, biographies or photos.
    pub anonymised: bool,
    /// Reviewers do not see who wrote the other reviews either.
    pub hide_reviewer_names: bool,
    /// Reviewers see other reviews before submitting their own.
    pub others_before_own: bool,
    pub reviews_per_proposal: i32,
}

impl ReviewSettings {
    pub fn defaults(edition_id: &EditionId) -> Self {
        Self {
            edition_id: edition_id.to_owned(),
            opens_at: None,
            closes_at: None,
            comment_required: false,
            anonymised: true,
            hide_reviewer_names: false,
            others_before_own: false,
            reviews_per_proposal: 3,
        }
    }

    /// Reviews can be written and changed: after opening (if set), before closing (if set).
    pub fn window_open(&self, now: NaiveDateTime) -> bool {
        self.opens_at.is_none_or(|o| now >= o) && self.closes_at.is_none_or(|c| now < c)
    }
}

pub fn get(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<ReviewSettings> {
    Ok(rs::review_settings
        .find(edition_id)
        .select(ReviewSettings::as_select())
        .first(conn)
        .optional()?
        .unwrap_or_else(|| ReviewSettings::defaults(edition_id)))
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub opens_at: String,
    pub closes_at: String,
    pub comment_required: bool,
    pub anonymised: bool,
    pub hide_reviewer_names: bool,
    pub others_before_own: bool,
    pub reviews_per_proposal: String,
}

pub fn save(conn: &mut DbConn, edition: &Edition, form: &SettingsForm) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let mut moment = |field: &str, value: &str| {
        if value.trim().is_empty() {
            return None;
        }
        parse_local(edition, value).or_else(|| {
            errors.add(field, "datetime-invalid");
            None
        })
    };
    let opens_at = moment("opens_at", &form.opens_at);
    let closes_at = moment("closes_at", &form.closes_at);
    if let (Some(o), Some(c)) = (opens_at, closes_at) {
        if c <= o {
            errors.add("closes_at", "window-closes-before-opening");
        }
    }
    let per = form
        .reviews_per_proposal
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|n| (1..=20).contains(n));
    if per.is_none() {
        errors.add("reviews_per_proposal", "number-out-of-range");
    }
    errors.into_result()?;
    write_transaction(conn, |conn| {
        diesel::delete(rs::review_settings.find(&edition.id)).execute(conn)?;
        diesel::insert_into(rs::review_settings)
            .values((
                rs::edition_id.eq(&edition.id),
                rs::opens_at.eq(opens_at),
                rs::closes_at.eq(closes_at),
                rs::comment_required.eq(form.comment_required),
                rs::anonymised.eq(form.anonymised),
                rs::hide_reviewer_names.eq(form.hide_reviewer_names),
                rs::others_before_own.eq(form.others_before_own),
                rs::reviews_per_proposal.eq(per.unwrap_or(3)),
            ))
            .execute(conn)?;
        Ok(())
    })
}

devday_db::id_type!(
    /// A score category reviewers rate on.
    #[derive(Serialize, Deserialize)]
    #[serde(transparent)]
    pub struct CategoryId;
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = devday_db::schema::score_categories)]
pub struct Category {
    pub id: CategoryId,
    pub edition_id: EditionId,
    pub name: String,
    pub min_score: i32,
    pub max_score: i32,
    /// A label per score, one per line from the lowest (optional).
    pub labels: String,
    /// Relative weight in the weighted mean.
    pub weight: i32,
    pub position: i32,
    pub name_de: String,
    pub labels_de: String,
}

impl Category {
    /// (score, label) for each allowed score, labelled in the reader's language (an empty
    /// label where the organisers gave none).
    pub fn choices(&self, locale: Locale) -> Vec<(i32, String)> {
        let labels = devday_shared::bilingual::pick(locale, &self.labels, &self.labels_de);
        let labels: Vec<&str> = labels.lines().map(str::trim).collect();
        (self.min_score..=self.max_score)
            .enumerate()
            .map(|(i, score)| (score, labels.get(i).copied().unwrap_or("").to_owned()))
            .collect()
    }
}

pub fn categories(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Category>> {
    sc::score_categories
        .filter(sc::edition_id.eq(edition_id))
        .order((sc::position.asc(), sc::name.asc()))
        .select(Category::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CategoryForm {
    pub name: String,
    pub name_de: String,
    pub min_score: String,
    pub max_score: String,
    pub labels: String,
    pub labels_de: String,
    pub weight: String,
}

pub fn add_category(
    conn: &mut DbConn,
    edition_id: &EditionId,
    form: &CategoryForm,
) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let name = Name::from_form(&mut errors, "name", &form.name, &form.name_de, 60);
    let int = |v: &str| v.trim().parse::<i32>().ok();
    let (min, max, weight) = (
        int(&form.min_score),
        int(&form.max_score),
        int(&form.weight),
    );
    match (min, max) {
        (Some(lo), Some(hi)) if lo < hi && lo >= -10 && hi <= 10 => {}
        _ => errors.add("max_score", "score-range-invalid"),
    }
    if !weight.is_some_and(|w| (1..=100).contains(&w)) {
        errors.add("weight", "number-out-of-range");
    }
    errors.into_result()?;
    let position: i64 = sc::score_categories
        .filter(sc::edition_id.eq(edition_id))
        .count()
        .get_result(conn)?;
    diesel::insert_into(sc::score_categories)
        .values((
            sc::id.eq(uuid::Uuid::new_v4().to_string()),
            sc::edition_id.eq(edition_id),
            sc::name.eq(name.en),
            sc::name_de.eq(name.de),
            sc::min_score.eq(min.unwrap_or(0)),
            sc::max_score.eq(max.unwrap_or(3)),
            sc::labels.eq(form.labels.trim()),
            sc::labels_de.eq(form.labels_de.trim()),
            sc::weight.eq(weight.unwrap_or(1)),
            sc::position.eq(position as i32),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn delete_category(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &CategoryId,
) -> AppResult<()> {
    let n = diesel::delete(
        sc::score_categories
            .filter(sc::id.eq(id))
            .filter(sc::edition_id.eq(edition_id)),
    )
    .execute(conn)?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The three categories DevDay uses, planted with a new edition (what organisers delete
/// later stays deleted).
pub fn seed_categories(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<()> {
    const DEFAULTS: [(Name, Name); 3] = [
        (
            Name::new("Relevance", "Relevanz"),
            Name::new(
                "not relevant\nsomewhat\nrelevant\nhighly relevant",
                "nicht relevant\netwas\nrelevant\nsehr relevant",
            ),
        ),
        (
            Name::new("Quality", "Qualität"),
            Name::new(
                "weak\nfair\ngood\nexcellent",
                "schwach\nmittel\ngut\nausgezeichnet",
            ),
        ),
        (
            Name::new("Fit for the audience", "Passt zum Publikum"),
            Name::new(
                "poor fit\npartial\ngood\nperfect",
                "passt kaum\nteilweise\ngut\ngenau",
            ),
        ),
    ];
    for (name, labels) in DEFAULTS {
        add_category(
            conn,
            edition_id,
            &CategoryForm {
                name: name.en.into(),
                name_de: name.de.into(),
                min_score: "0".into(),
                max_score: "3".into(),
                labels: labels.en.into(),
                labels_de: labels.de.into(),
                weight: "1".into(),
            },
        )?;
    }
    Ok(())
}

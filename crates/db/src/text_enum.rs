//! Closed sets of words kept in text columns (states, kinds, results), mapped once for both
//! databases.

/// Declares an enum whose values are stored as fixed words in a text column.
///
/// The enum binds as text in queries (`state.eq(RegistrationState::Held)`,
/// `eq_any([..])`, inserts), loads from text, and a word it does not know is a
/// deserialisation error: an unknown state in the database is never read as a default.
/// `as_str` gives the stored word, `parse` reads one from outside (forms, query strings).
/// Serde is left to the caller, so API names stay as they were.
///
/// ```
/// devday_db::text_enum!(
///     /// How a room is lit.
///     pub enum Light { Daylight = "daylight", Dark = "dark" }
/// );
/// assert_eq!(Light::parse("dark"), Some(Light::Dark));
/// assert_eq!(Light::Daylight.as_str(), "daylight");
/// assert_eq!(Light::ALL.len(), 2);
/// ```
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash,
            $crate::diesel::expression::AsExpression,
            $crate::diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = $crate::diesel::sql_types::Text)]
        $vis enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word stored in the database.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $crate::__text_column!($name, |value| value.as_str(), |word| {
            Self::parse(&word).ok_or_else(|| {
                format!(concat!("unknown ", stringify!($name), " {:?} in the database"), word)
                    .into()
            })
        });
    };
}

/// The text-column half of [`text_enum!`] and [`id_type!`]: binds `$to` (a `&str` made from
/// `$value: &Self`) and reads back with `$from` (a `deserialize::Result<Self>` made from
/// `$word: String`), on every backend whose text is a Rust string.
#[doc(hidden)]
#[macro_export]
macro_rules! __text_column {
    ($name:ident, |$value:ident| $to:expr, |$word:ident| $from:expr) => {
        impl<DB> $crate::diesel::serialize::ToSql<$crate::diesel::sql_types::Text, DB> for $name
        where
            DB: $crate::diesel::backend::Backend,
            str: $crate::diesel::serialize::ToSql<$crate::diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut $crate::diesel::serialize::Output<'b, '_, DB>,
            ) -> $crate::diesel::serialize::Result {
                let $value = self;
                <str as $crate::diesel::serialize::ToSql<$crate::diesel::sql_types::Text, DB>>::to_sql(
                    $to, out,
                )
            }
        }

        impl<DB> $crate::diesel::deserialize::FromSql<$crate::diesel::sql_types::Text, DB> for $name
        where
            DB: $crate::diesel::backend::Backend,
            String: $crate::diesel::deserialize::FromSql<$crate::diesel::sql_types::Text, DB>,
        {
            fn from_sql(
                bytes: <DB as $crate::diesel::backend::Backend>::RawValue<'_>,
            ) -> $crate::diesel::deserialize::Result<Self> {
                let $word = <String as $crate::diesel::deserialize::FromSql<
                    $crate::diesel::sql_types::Text,
                    DB,
                >>::from_sql(bytes)?;
                $from
            }
        }
    };
}

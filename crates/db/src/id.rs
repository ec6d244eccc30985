//! Ids as types: a proposal's id cannot be passed where a registration's belongs.

/// Declares a newtype over the text id of one kind of row.
///
/// It binds and loads as text on both databases (queries take `&RegistrationId` where they
/// took `&str`), serialises as the plain string, reads as `&str` where text is wanted
/// (`Deref`, `Borrow<str>` for map lookups, `Display`), and is made from a `String` only
/// on purpose (`From`), at the edge where an id arrives from outside (a path, a form).
///
/// ```
/// devday_db::id_type!(
///     /// A room.
///     pub struct RoomId;
/// );
/// let id = RoomId::from("r-1");
/// assert_eq!(id.as_str(), "r-1");
/// assert_eq!(format!("{id}"), "r-1");
/// ```
#[macro_export]
macro_rules! id_type {
    ($(#[$meta:meta])* $vis:vis struct $name:ident;) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
            $crate::diesel::expression::AsExpression,
            $crate::diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = $crate::diesel::sql_types::Text)]
        $vis struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                $name(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_owned())
            }
        }

        impl ::std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<&$name> for $name {
            fn eq(&self, other: &&$name) -> bool {
                self == *other
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<&$name> for String {
            fn eq(&self, other: &&$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        $crate::__text_column!($name, |value| value.0.as_str(), |word| Ok($name(word)));
    };
}

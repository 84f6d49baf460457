//! People with dated roles, and what a person is (country, sector, office) on a given date.

use chrono::NaiveDate;

/// Grammatical gender used for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Referred to as he/him/his.
    Male,
    /// Referred to as she/her.
    Female,
    /// Not recorded.
    Unknown,
}

/// One office a person held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Country or organisation code of the office.
    pub country: String,
    /// CAMEO sector while in office.
    pub sector: String,
    /// Office name as in `agents.txt` ("president"); empty for a role without a named office
    /// (`-` in the file: the generated people).
    pub role: String,
    /// First day in office.
    pub from: NaiveDate,
    /// Last day in office; `None` while still in office.
    pub to: Option<NaiveDate>,
}

impl Role {
    /// Whether the role is held on `d`.
    pub fn holds(&self, d: NaiveDate) -> bool {
        self.from <= d && self.to.is_none_or(|t| d <= t)
    }
}

/// A person of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Canonical name.
    pub name: String,
    /// Other spellings and short forms.
    pub aliases: Vec<String>,
    /// Gender for pronouns.
    pub gender: Gender,
    /// Roles sorted by start date.
    pub roles: Vec<Role>,
}

/// What a person is on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing<'a> {
    /// Country or organisation code.
    pub country: &'a str,
    /// Sector: the role's while in office, `ELI` after a role ended (`None` for a person who
    /// [lapses](Person::lapses)), `None` before any role.
    pub sector: Option<&'a str>,
    /// The office held on the date, if any.
    pub role: Option<&'a Role>,
}

impl Person {
    /// Whether the person is known only by dated codes without a named office (`-` roles: the
    /// people generated from Phoenix or read from PETRARCH dictionaries). Such records stop
    /// early and say nothing of what the person did next, so after the last role the person has
    /// the country only, without the elite sector (a title in the text can then give one).
    pub fn lapses(&self) -> bool {
        self.roles.iter().all(|r| r.role.is_empty())
    }

    /// The person's standing on `date`; with no date, the current (open-ended) role, else the
    /// situation after the last role.
    pub fn at(&self, date: Option<NaiveDate>) -> Option<Standing<'_>> {
        let last = self.roles.last()?;
        let after = if self.lapses() { None } else { Some("ELI") };
        let Some(d) = date else {
            return Some(match self.roles.iter().rev().find(|r| r.to.is_none()) {
                Some(r) => Standing {
                    country: &r.country,
                    sector: Some(&r.sector),
                    role: Some(r).filter(|r| !r.role.is_empty()),
                },
                None => Standing {
                    country: &last.country,
                    sector: after,
                    role: None,
                },
            });
        };
        // The latest-starting role that holds wins (handovers overlap by a day at most).
        if let Some(r) = self.roles.iter().rev().find(|r| r.holds(d)) {
            return Some(Standing {
                country: &r.country,
                sector: Some(&r.sector),
                role: Some(r).filter(|r| !r.role.is_empty()),
            });
        }
        match self
            .roles
            .iter()
            .rev()
            .find(|r| r.to.is_some_and(|t| t < d))
        {
            Some(prev) => Some(Standing {
                country: &prev.country,
                sector: after,
                role: None,
            }),
            None => Some(Standing {
                country: &self.roles[0].country,
                sector: None,
                role: None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn standing_follows_dates() {
        let p = Person {
            name: "Ann Example".into(),
            aliases: vec![],
            gender: Gender::Female,
            roles: vec![
                Role {
                    country: "AAA".into(),
                    sector: "GOV".into(),
                    role: "foreign minister".into(),
                    from: d(2001, 1, 1),
                    to: Some(d(2004, 12, 31)),
                },
                Role {
                    country: "AAA".into(),
                    sector: "GOV".into(),
                    role: "president".into(),
                    from: d(2010, 1, 1),
                    to: None,
                },
            ],
        };
        assert_eq!(p.at(Some(d(1999, 1, 1))).unwrap().sector, None);
        assert_eq!(
            p.at(Some(d(2002, 1, 1))).unwrap().role.unwrap().role,
            "foreign minister"
        );
        assert_eq!(p.at(Some(d(2007, 1, 1))).unwrap().sector, Some("ELI"));
        assert_eq!(
            p.at(Some(d(2020, 1, 1))).unwrap().role.unwrap().role,
            "president"
        );
        assert_eq!(p.at(None).unwrap().role.unwrap().role, "president");
    }

    #[test]
    fn people_without_named_offices_lapse_to_their_country() {
        let p = Person {
            name: "Bo Example".into(),
            aliases: vec![],
            gender: Gender::Unknown,
            roles: vec![Role {
                country: "BBB".into(),
                sector: "GOV".into(),
                role: String::new(),
                from: d(2001, 1, 1),
                to: Some(d(2004, 12, 31)),
            }],
        };
        let during = p.at(Some(d(2002, 1, 1))).unwrap();
        assert_eq!((during.sector, during.role), (Some("GOV"), None));
        let after = p.at(Some(d(2010, 1, 1))).unwrap();
        assert_eq!((after.country, after.sector), ("BBB", None));
    }
}

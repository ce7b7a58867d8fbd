//! Numbers people type for vital signs: a class may hold a numeric range term
//! (`#38-43`), which a query word starting with a digit matches when its number
//! lies in the range ("38.9", "39,5", "102f"). The wordings are written for
//! these tests.

use crate::spans::{at_least, at_most};

#[test]
fn a_fever_number_with_a_stiff_neck_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "temp is 38.9 and the neck is stiff to bend forward, headache since last night",
            "thermometer says 39,5 and my neck is so stiff i cant bend it",
            "temp was 102F last night and neck really stiff",
            "my temperature reads 40.1 now and my neck has gone rigid",
        ],
    );
}

#[test]
fn a_very_high_sugar_number_as_a_range_is_still_urgent() {
    at_least(
        "urgent",
        &[
            "blood sugar 27.5 on the meter and twitchy legs",
            "my sugar reading is 480 and my calves cramp",
            "sugar level 31 this morning with cramps",
        ],
    );
}

#[test]
fn numbers_that_are_not_a_temperature_stay_calm() {
    at_most(
        "soon",
        &[
            "i am 38 weeks pregnant and my neck is stiff",
            "my son is 38 and has a stiff neck from the gym",
            "38 years old, stiff neck after sleeping funny",
        ],
    );
}

//! One limb weaker than the other, or weaker on one side, is real weakness
//! (urgent; an emergency when it came on suddenly). The wordings are written
//! for these tests.

use crate::spans::{at_least, at_most};

#[test]
fn one_side_weaker_than_the_other_is_weakness() {
    at_least(
        "urgent",
        &[
            "my left hand is slightly weaker than my right and the thumb twitches",
            "right leg isnt as strong as the left anymore and the calf twitches",
            "been referred to neuro for twitching and a weaker left hand, appointment next month",
        ],
    );
    at_least(
        "emergency",
        &["my left arm feels weaker than the other since this morning"],
    );
}

#[test]
fn weaker_denied_or_after_exercise_stays_calm() {
    at_most(
        "routine",
        &[
            "my right hand isn't weaker, I tested it, just twitchy",
            "legs felt weaker after the marathon, calves twitching",
        ],
    );
}

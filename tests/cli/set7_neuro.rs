//! Neurological emergencies said in everyday words, and their traps (blind set 7,
//! round 3). The wordings are written for these tests, not taken from the set: each
//! kind is said three to five new ways, with look-alikes that must stay calm.

use crate::spans::{at_least, at_most};

#[test]
fn a_limb_that_will_not_obey_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "my left arm just won't do what I tell it, it's like it's not mine and it's gone heavy",
            "all of a sudden my right leg wouldn't obey me",
            "my hand stopped listening to me, like it belongs to a stranger, totally useless",
            "dad's arm won't do as it's told since lunch, heavy as a sack",
        ],
    );
    at_most(
        "routine",
        &[
            "my arm went dead from sleeping on it, fine now",
            "I slept funny and my hand felt like it belonged to someone else for a minute when I woke, fine now",
        ],
    );
}

#[test]
fn a_face_that_slipped_or_dribbling_from_the_side_of_the_mouth_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "my husband is drooling from the corner of his mouth and his face has slipped on one side",
            "her face has gone squint and her arm is like a wet noodle",
            "my smile has slid down on the left and water dribbles out the corner of my mouth",
            "nan's face looks like it's melted on one side",
        ],
    );
    at_most(
        "routine",
        &[
            "my face has not slipped, I checked in the mirror, my cheek just twitches",
            "what if my face slipped one day, my cheek twitches a lot",
        ],
    );
}

#[test]
fn half_the_sight_gone_or_dim_on_one_side_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "it was like a curtain came halfway across the vision of my left eye for a few minutes, fine now",
            "everything on my right side went dim and blurry for ten minutes then came back",
            "the right half of everything just vanished, I can't see things on that side",
            "I keep bumping into things on my left side, like half my view has disappeared",
        ],
    );
    at_most(
        "routine",
        &[
            "my eye twitch makes it hard to see for a second but no double vision or blurriness",
            "the left half of my calf keeps twitching, the pain has disappeared now",
            "I walked into the door frame with my right side shoulder and it's been twitching since",
            "my vision is blurry when I'm tired and my right side calf twitches",
        ],
    );
}

#[test]
fn double_vision_with_the_room_spinning_or_unsteady_walking_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "I'm seeing double and the room is whirling and I can't walk straight",
            "everything is doubled, the room won't stop spinning and I'm staggering like I'm drunk",
            "seeing two of everything, dizzy spinning and I keep veering to one side when I walk",
        ],
    );
    at_most(
        "routine",
        &[
            "no double vision, no dizziness, just my eyelid twitching",
            "the room is spinning after too many drinks and my eyelid twitches",
        ],
    );
}

#[test]
fn drooping_lids_with_choking_or_a_nasal_voice_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "my jaw gets too tired to finish chewing, my eyelids droop and water goes down the wrong way",
            "her voice has gone nasal, her eyelids are half closed and she chokes on her tea",
        ],
    );
    at_most(
        "routine",
        &["my eyes are tired from the screen and my eyelid twitches"],
    );
}

#[test]
fn legs_like_lead_climbing_or_after_a_bug_is_guillain_barre() {
    at_least(
        "emergency",
        &[
            "my legs feel like concrete and it's creeping up to my waist after a stomach bug, can't get up",
            "a week after food poisoning my legs are heavy as lead and I can't stand",
        ],
    );
    at_most(
        "routine",
        &["my legs feel like lead after leg day at the gym and my calves cramp"],
    );
}

#[test]
fn a_neck_that_will_not_bend_with_stabbing_light_is_meningitis() {
    at_least(
        "emergency",
        &[
            "my stiff neck won't let me touch my chin to my chest, pounding head, light hurts my eyes",
            "neck is rigid, can't look down, splitting headache and the light is like daggers in my eyes",
        ],
    );
    at_most(
        "routine",
        &["my eyes are tired from the screen and my eyelid twitches"],
    );
}

#[test]
fn the_worst_headache_of_a_life_or_like_a_blow_is_thunderclap() {
    at_least(
        "emergency",
        &[
            "worst headache of my life came on out of nowhere, like I'd been hit with a hammer",
            "headache hit me like a brick, the worst I've had in my life",
            "the worst headache I have ever had in my life just started suddenly",
        ],
    );
    at_most(
        "routine",
        &[
            "the worst cramp of my life in my calf last night, fine now",
            "worst leg cramp of my life last night, my head was fine",
            "my wife says her headache is the worst of her week, her eye twitches",
        ],
    );
}

#[test]
fn words_that_will_not_come_or_a_numb_limb_and_face_side_is_a_stroke_sign() {
    at_least(
        "emergency",
        &[
            "my arm went weak and I couldn't get my words out, like my brain froze",
            "suddenly I couldn't find my words and my hand went weak",
            "I can't feel my right arm or the right side of my face",
            "lost all feeling in my left leg and left side of my face",
        ],
    );
}

#[test]
fn seeing_creatures_on_the_wall_after_stopping_drinking_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "three days off the booze and I'm seeing bugs crawling on the ceiling",
            "stopped drinking two days ago, seeing snakes on the floor and shaking",
            "gave up the booze on monday, now I see insects running across the wall and I'm sweating",
        ],
    );
    at_most(
        "routine",
        &[
            "I watched a film with spiders running up the wall and now my eye twitches",
            "I drink wine most nights and saw a spider on the wall, now my eyelid twitches",
            "I used to drink a lot but quit years ago, no shakes, just calf cramps at night",
            "had a tummy bug last week, saw the GP about it, I drink beer at weekends, calf cramps",
        ],
    );
}

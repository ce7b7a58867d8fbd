//! Body, metabolic, circulation, infection and medicine red flags the eighth blind
//! set missed, each kind said in wordings written for these tests (never the set's):
//! a venomous bite, critical limb ischaemia, a clot after an operation, a headache
//! after giving birth, an older person drowsy with nothing drunk, a relative's kidney
//! disease with high-potassium signs, purging with low-potassium signs, urine that
//! has stopped, DKA, angioedema on a blood pressure medicine, fever on chemotherapy,
//! a reliever inhaler needed more, aching bones with little sun, and a Crohn's or
//! colitis flare. Each kind has traps (negated, hypothetical, someone else's, an
//! everyday word) that must stay low.

use crate::spans::{at_least, at_most};

/// A bite followed by cramps, sweating or feeling unwell: venom (a redback, black widow). Traps: "a bit", a what-if, an itchy mosquito bite, an old dog bite.
#[test]
fn a_bite_with_spreading_cramps_or_sweating() {
    at_least(
        "urgent",
        &[
            "got bitten by a spider in the woodpile an hour ago, now my belly is cramping and I'm sweating like crazy",
            "something bit my ankle in the garden, now my legs are cramping up and I feel awful and sweaty",
            "a redback got me on the finger clearing out pot plants, the pain is spreading up my arm and I'm sweating buckets",
            "bitten on the foot last night, now stomach cramps, feeling sick and sweaty",
            "a spider got me on the leg, now my tummy is cramping and I'm all clammy",
        ],
    );
    at_most(
        "routine",
        &[
            "my calves are cramping a bit after the run and I'm sweating a bit too",
            "what if a redback bit me? at the moment just calf cramps at night",
            "mosquito bites on my legs are itchy, and I get a calf cramp at night",
            "my dog bit me on the hand last year, my thumb twitches now and then",
            "there was a spider in the bath, anyway my calf cramps at night and I sweat a lot",
            "the wind has a real bite, my calves cramp at night and I sweat",
        ],
    );
}

/// Poor blood flow to the leg: a dusky toe, or pain at rest eased by hanging the leg out of bed.
#[test]
fn a_dusky_toe_or_rest_pain_eased_by_hanging_the_leg() {
    at_least(
        "urgent",
        &[
            "my big toe has gone a dusky purple and my foot aches in bed at night",
            "the pain in my foot wakes me at night and I have to dangle my leg out of bed to ease it",
            "leg hurts at night, only relief is hanging it over the edge of the bed",
            "my feet hurt at night and I have to hang them out of the bed",
        ],
    );
    at_most(
        "routine",
        &[
            "no dusky toes and no pain at rest, my calf just cramps if I walk a long way",
            "I stick my feet out of bed because they get hot, calves cramp at night",
        ],
    );
}

/// A calf swollen, bigger, hot or tender after an operation (a clot).
#[test]
fn a_calf_swollen_after_an_operation() {
    at_least(
        "urgent",
        &[
            "two weeks after my hip replacement my calf is swollen and hot",
            "since my knee surgery one calf is fatter than the other and it aches",
            "after the op my left calf went big and tender",
        ],
    );
    at_most(
        "routine",
        &[
            "I had knee surgery years ago, my calf cramps at night sometimes",
            "no swelling in my calf after the op, just the odd cramp at night",
        ],
    );
}

/// A bad headache in the weeks after birth: with jerking or confusion 999, with sickness the same day.
#[test]
fn a_bad_headache_after_giving_birth() {
    at_least(
        "emergency",
        &[
            "gave birth 3 weeks ago and now I've got a horrendous headache and my arm keeps jerking",
            "my partner had our baby last month, she has a severe headache and seems confused",
        ],
    );
    at_least(
        "urgent",
        &[
            "had my baby 10 days ago, splitting headache and keep being sick",
            "6 weeks after having my baby, bad headache and being sick",
        ],
    );
    at_most(
        "routine",
        &["postpartum, no headache at all, just leg cramps at night"],
    );
}

/// An older person very sleepy or drowsy with nothing drunk: emergency; cutting out caffeine is not "nothing drunk".
#[test]
fn very_sleepy_and_nothing_drunk() {
    at_least(
        "emergency",
        &[
            "Grandad is 88 and since yesterday he's very drowsy and won't eat or drink",
            "my mum is 79, she has been so sleepy today and hasn't had anything to drink since Sunday, her hands are twitching",
        ],
    );
    at_most(
        "routine",
        &[
            "I've cut out coffee, not drinking any caffeine, and I'm so sleepy in the afternoons, eyelid twitching",
            "My dad hasn't drunk anything alcoholic since January, he's so sleepy after lunch and his hands twitch",
        ],
    );
}

/// A relative's kidney disease counts as the patient's when the writer's only own sentence says nothing medical; the writer's own symptoms keep a relative's history someone else's.
#[test]
fn a_relative_asked_about_after_an_apology() {
    at_least(
        "emergency",
        &[
            "Sorry for my bad English. My mother has kidney disease. She is very weak in the legs and her heart is beating irregular.",
            "I'm writing for my uncle. He is on dialysis. His legs are weak and his heart keeps skipping.",
        ],
    );
    at_most(
        "urgent",
        &["My dad had kidney failure years ago. I'm weak in my legs and my heart flutters."],
    );
}

/// Purging with weakness and palpitations: possible very low potassium.
#[test]
fn purging_with_weakness_and_a_fluttering_heart() {
    at_least(
        "emergency",
        &[
            "I've been making myself throw up after meals for months, now my legs have gone weak and my heart keeps skipping",
            "bulimic, heart fluttering and so weak I can't climb the stairs",
        ],
    );
    at_most(
        "urgent",
        &["I had anorexia as a teenager; now my heart flutters after strong coffee"],
    );
}

/// Urine stopped for hours after a stomach bug; the burning stopping is not urine stopping.
#[test]
fn urine_stopped_for_hours() {
    at_least(
        "urgent",
        &[
            "had a tummy bug, my wee has stopped, nothing for 12 hours",
            "urine has stopped since yesterday after vomiting all night",
        ],
    );
    at_most(
        "routine",
        &["the burning when I pee stopped after the antibiotics, calf twitching now"],
    );
}

/// Diabetes with vomiting and a meter reading HI, sugar off the scale or high ketones (DKA); a keto diet or a greeting "Hi" is not.
#[test]
fn diabetes_vomiting_and_a_meter_reading_hi() {
    at_least(
        "emergency",
        &[
            "type 1 diabetic, been sick all night and my libre says HI",
            "I'm diabetic, vomiting since this morning and my ketones are high",
            "My son is type 1. He's thrown up three times. His sugar is off the scale.",
        ],
    );
    at_most(
        "soon",
        &[
            "on keto, my ketones are high and I get leg cramps",
            "Hi, I'm type 1 and get cramps in my calves at night",
        ],
    );
}

/// Angioedema: lips or face swelling on an ACE inhibitor or ARB (even after years), or a swollen tongue.
#[test]
fn lips_tongue_or_face_swelling_on_a_blood_pressure_medicine() {
    at_least(
        "emergency",
        &[
            "on lisinopril for years and woke up with my bottom lip hugely swollen",
            "my tongue feels swollen and thick since this afternoon",
            "started losartan last week. My lips are swollen this morning.",
        ],
    );
    at_most(
        "routine",
        &["my lip is swollen from a cold sore, also eyelid twitching"],
    );
    at_most(
        "soon",
        &["no swelling of my lips or tongue, just cramps since starting ramipril"],
    );
}

/// A temperature or shivering during chemotherapy (neutropenic sepsis), in one sentence or two; old chemo is not.
#[test]
fn a_temperature_during_chemotherapy() {
    at_least(
        "emergency",
        &[
            "halfway through chemo and I've got a temperature of 38 and feel shivery",
            "on chemotherapy for breast cancer, tonight feverish with chills and my legs cramp",
            "Mum's on chemo. She's burning up with a fever tonight and her hands twitch.",
        ],
    );
    at_most(
        "soon",
        &["had chemo 10 years ago, now muscle cramps, no fever"],
    );
}

/// Needing the reliever inhaler more than usual: asthma getting worse, soon.
#[test]
fn a_reliever_inhaler_needed_more_than_usual() {
    at_least(
        "soon",
        &[
            "I'm going through my salbutamol much more than usual and my hands are trembly",
            "needing my blue inhaler every few hours this week, fingers twitch afterwards",
        ],
    );
    at_most(
        "routine",
        &["my inhaler use is the same as always, but my hands shake a little after a puff"],
    );
}

/// Aching bones with little sunlight: low vitamin D, soon.
#[test]
fn aching_bones_with_little_sun() {
    at_least(
        "soon",
        &["night shift worker, never see the sun, my bones ache and my thighs twitch"],
    );
    at_most(
        "routine",
        &["I get plenty of sun, no bone pain, just a twitchy eyelid"],
    );
}

/// Crohn's or colitis with diarrhoea: a flare, soon; a relative's Crohn's is not.
#[test]
fn crohns_or_colitis_with_diarrhoea() {
    at_least(
        "soon",
        &[
            "colitis, I've had the runs for two weeks and now my calves cramp",
            "my Crohn's has been giving me diarrhoea every day for a fortnight, hands cramping",
        ],
    );
    at_most(
        "routine",
        &["my mum has Crohn's; I get calf cramps after football"],
    );
}

/// "Is it normal to get X" reports X; "what if" still does not.
#[test]
fn asking_if_it_is_normal_is_not_a_what_if() {
    at_least(
        "emergency",
        &["wondering if it's normal to get chest tightness and cramps after starting amlodipine"],
    );
    at_most(
        "routine",
        &["what if I get chest pain one day? just calf cramps now"],
    );
}

/// "Heart doing weird things" is palpitations; a weird feeling elsewhere with a heart-rate number is not.
#[test]
fn heart_doing_weird_things() {
    at_least(
        "emergency",
        &[
            "is it normal? my heart is doing weird things and I'm so weak I can't stand, I'm on dialysis",
        ],
    );
    at_most(
        "routine",
        &[
            "my brother died of a heart attack so any weird feeling freaks me out, heart rate is 62, calf twitch after coffee",
        ],
    );
}

#!/usr/bin/env python3
"""Generate data/medicines.toml: medicine classes with generic, brand and lay names.

Run from the repository root:

    python3 scripts/gen-medicines.py

What it does
  1. Creates a throw-away virtualenv in a temporary directory and pip-installs
     drug-named-entity-recognition==2.0.9 (MIT; its bz2 pickle maps brand names and
     variants to generic names) and wordfreq==3.1.1 (word-frequency check).
  2. Re-runs itself inside that venv. Class membership is NOT in the package: it is the
     curated list CLASSES below (GENERIC names only, each class citing a WHO ATC code
     and/or an NHS / MedlinePlus page). Each generic is expanded to its brand names and
     variants from the package's `drug_variant_to_canonical`.
  3. Filters variants (see `filter_reason`) and prints everything it dropped and why.
  4. Adds the hand-written LAY_TERMS (clearly separate from package data) and writes
     data/medicines.toml (one [[class]] table per class; terms lowercased, sorted,
     deduplicated). Nothing else is written; the temporary directory is removed.

The output is deterministic: same package versions -> byte-identical file.
"""
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PKG = "drug-named-entity-recognition"
PKG_VERSION = "2.0.9"
WORDFREQ_VERSION = "3.1.1"
OUT = os.path.join("data", "medicines.toml")
MAX_TERMS = 150          # cap per class (generics and lay terms are always kept)
MIN_LETTERS = 4          # package variants with fewer letters are dropped
ZIPF_MAX = 3.5           # package variants more frequent than this in English are dropped


def atc(code, title):
    return {"title": f"WHO ATC {code} {title}",
            "url": f"https://atcddd.fhi.no/atc_ddd_index/?code={code}"}


def nhs(title, url):
    return {"title": f"{title} (NHS)", "url": url}


# ---------------------------------------------------------------------------
# CURATED CLASS MEMBERSHIP (generic names only). Names are those used by the package
# (mostly US adopted names, e.g. albuterol) plus UK/AU names (salbutamol, frusemide);
# a generic missing from the package is still kept as a term and reported.
# `no_bare`: generics used only to find brands, not output as a bare term (the bare
# word names a food/habit rather than the medicine: "caffeine", "nicotine").
# ---------------------------------------------------------------------------
CLASSES = [
    dict(id="statin", name="Statins (cholesterol medicines)",
         generics=["atorvastatin", "simvastatin", "rosuvastatin", "pravastatin",
                   "fluvastatin", "lovastatin", "pitavastatin"],
         sources=[nhs("Statins", "https://www.nhs.uk/conditions/statins/"),
                  atc("C10AA", "HMG CoA reductase inhibitors")]),
    dict(id="loop-diuretic", name="Loop diuretics (water tablets)",
         generics=["furosemide", "frusemide", "bumetanide", "torsemide", "torasemide",
                   "ethacrynic acid"],
         sources=[atc("C03CA", "Sulfonamides, plain (high-ceiling diuretics)"),
                  atc("C03CC", "Aryloxyacetic acid derivatives")]),
    dict(id="thiazide-diuretic", name="Thiazide and thiazide-like diuretics",
         generics=["hydrochlorothiazide", "bendroflumethiazide", "bendrofluazide",
                   "chlorthalidone", "chlortalidone", "indapamide", "metolazone",
                   "chlorothiazide"],
         sources=[atc("C03AA", "Thiazides, plain"),
                  atc("C03BA", "Sulfonamides, plain (low-ceiling diuretics)")]),
    dict(id="potassium-sparing-diuretic", name="Potassium-sparing diuretics",
         generics=["spironolactone", "eplerenone", "amiloride", "triamterene"],
         sources=[atc("C03DA", "Aldosterone antagonists"),
                  atc("C03DB", "Other potassium-sparing agents")]),
    dict(id="ppi", name="Proton pump inhibitors (stomach acid medicines)",
         generics=["omeprazole", "esomeprazole", "lansoprazole", "pantoprazole",
                   "rabeprazole", "dexlansoprazole"],
         sources=[atc("A02BC", "Proton pump inhibitors")]),
    dict(id="beta-agonist", name="Beta-2 agonists (reliever and long-acting inhalers)",
         generics=["albuterol", "salbutamol", "levalbuterol", "terbutaline", "salmeterol",
                   "formoterol", "vilanterol", "indacaterol", "olodaterol", "fenoterol",
                   "bambuterol"],
         sources=[atc("R03AC", "Selective beta-2-adrenoreceptor agonists (inhalants)"),
                  atc("R03CC", "Selective beta-2-adrenoreceptor agonists (systemic)")]),
    dict(id="stimulant", name="ADHD stimulants and wakefulness medicines",
         generics=["methylphenidate", "dexmethylphenidate", "lisdexamfetamine",
                   "lisdexamphetamine", "amphetamine", "dextroamphetamine",
                   "dexamfetamine", "modafinil", "armodafinil"],
         sources=[atc("N06BA", "Centrally acting sympathomimetics")]),
    dict(id="ssri", name="SSRI antidepressants",
         generics=["fluoxetine", "sertraline", "citalopram", "escitalopram", "paroxetine",
                   "fluvoxamine"],
         sources=[nhs("SSRI antidepressants", "https://www.nhs.uk/mental-health/talking-therapies-medicine-treatments/medicines-and-psychiatry/ssri-antidepressants/overview/"),
                  atc("N06AB", "Selective serotonin reuptake inhibitors")]),
    dict(id="snri", name="SNRI antidepressants",
         generics=["venlafaxine", "desvenlafaxine", "duloxetine", "milnacipran",
                   "levomilnacipran"],
         sources=[atc("N06AX", "Other antidepressants (venlafaxine N06AX16, duloxetine N06AX21, desvenlafaxine N06AX23)")]),
    dict(id="tricyclic", name="Tricyclic antidepressants",
         generics=["amitriptyline", "nortriptyline", "imipramine", "clomipramine",
                   "desipramine", "doxepin", "dosulepin", "dothiepin", "lofepramine",
                   "trimipramine", "protriptyline", "amoxapine"],
         sources=[atc("N06AA", "Non-selective monoamine reuptake inhibitors")]),
    dict(id="maoi", name="MAO inhibitors",
         generics=["phenelzine", "tranylcypromine", "isocarboxazid", "moclobemide",
                   "selegiline", "rasagiline", "safinamide"],
         sources=[atc("N06AF", "Monoamine oxidase inhibitors, non-selective"),
                  atc("N06AG", "Monoamine oxidase A inhibitors"),
                  atc("N04BD", "Monoamine oxidase B inhibitors")]),
    dict(id="serotonergic-other", name="Other serotonergic medicines and drugs (serotonin syndrome risk)",
         generics=["tramadol", "tapentadol", "sumatriptan", "rizatriptan", "zolmitriptan",
                   "naratriptan", "eletriptan", "almotriptan", "frovatriptan", "linezolid",
                   "st. john's wort", "fentanyl", "meperidine", "pethidine", "methadone",
                   "dextromethorphan", "ondansetron", "granisetron", "trazodone",
                   "mirtazapine", "buspirone", "midomafetamine", "mdma"],
         sources=[{"title": "Serotonin syndrome (MedlinePlus)",
                   "url": "https://medlineplus.gov/ency/article/007272.htm"},
                  atc("N02CC", "Selective serotonin (5HT1) agonists (triptans)"),
                  atc("N02AX", "Other opioids (tramadol, tapentadol)"),
                  atc("J01XX", "Other antibacterials (linezolid)"),
                  atc("A04AA", "Serotonin (5HT3) antagonists"),
                  atc("R05DA", "Opium alkaloids and derivatives (dextromethorphan)")]),
    dict(id="antipsychotic", name="Antipsychotics",
         generics=["haloperidol", "chlorpromazine", "olanzapine", "quetiapine",
                   "risperidone", "aripiprazole", "clozapine", "ziprasidone", "lurasidone",
                   "paliperidone", "amisulpride", "sulpiride", "brexpiprazole",
                   "cariprazine", "asenapine", "iloperidone", "flupentixol", "flupenthixol",
                   "zuclopenthixol", "fluphenazine", "perphenazine", "trifluoperazine",
                   "thioridazine", "pimozide", "levomepromazine"],
         sources=[atc("N05A", "Antipsychotics (lithium N05AN is its own class here)")]),
    dict(id="antiemetic-dopamine-blocker", name="Dopamine-blocking anti-sickness medicines",
         generics=["metoclopramide", "prochlorperazine", "domperidone", "droperidol",
                   "trimethobenzamide"],
         sources=[atc("A03FA", "Propulsives (metoclopramide, domperidone)"),
                  atc("N05AB04", "Prochlorperazine")]),
    dict(id="lithium", name="Lithium",
         generics=["lithium", "lithium carbonate", "lithium citrate"],
         sources=[nhs("Lithium", "https://www.nhs.uk/medicines/lithium/"),
                  atc("N05AN01", "Lithium")]),
    dict(id="metformin", name="Metformin",
         generics=["metformin"],
         sources=[nhs("Metformin", "https://www.nhs.uk/medicines/metformin/"),
                  atc("A10BA02", "Metformin")]),
    dict(id="insulin", name="Insulins",
         generics=["insulin", "insulin glargine", "insulin detemir", "insulin degludec",
                   "insulin aspart", "insulin lispro", "insulin glulisine",
                   "insulin human", "insulin isophane", "insulin nph"],
         sources=[atc("A10A", "Insulins and analogues")]),
    dict(id="sulfonylurea", name="Sulfonylureas (diabetes tablets)",
         generics=["gliclazide", "glimepiride", "glipizide", "glibenclamide", "glyburide",
                   "tolbutamide", "chlorpropamide", "tolazamide"],
         sources=[atc("A10BB", "Sulfonylureas")]),
    dict(id="corticosteroid", name="Corticosteroids (steroid tablets and injections)",
         generics=["prednisolone", "prednisone", "dexamethasone", "hydrocortisone",
                   "methylprednisolone", "betamethasone", "cortisone", "deflazacort",
                   "fludrocortisone", "triamcinolone", "budesonide"],
         sources=[atc("H02AB", "Glucocorticoids"), atc("H02AA", "Mineralocorticoids")]),
    dict(id="ace-inhibitor", name="ACE inhibitors (blood pressure medicines)",
         generics=["lisinopril", "ramipril", "enalapril", "perindopril", "captopril",
                   "quinapril", "benazepril", "fosinopril", "trandolapril", "imidapril",
                   "moexipril"],
         sources=[nhs("ACE inhibitors", "https://www.nhs.uk/conditions/ace-inhibitors/"),
                  atc("C09AA", "ACE inhibitors, plain")]),
    dict(id="arb", name="Angiotensin receptor blockers (blood pressure medicines)",
         generics=["losartan", "candesartan", "valsartan", "irbesartan", "olmesartan",
                   "telmisartan", "eprosartan", "azilsartan"],
         sources=[atc("C09CA", "Angiotensin II receptor blockers (ARBs), plain")]),
    dict(id="calcium-channel-blocker", name="Calcium channel blockers",
         generics=["amlodipine", "nifedipine", "felodipine", "lercanidipine", "lacidipine",
                   "nicardipine", "isradipine", "nimodipine", "nisoldipine", "verapamil",
                   "diltiazem"],
         sources=[nhs("Calcium channel blockers", "https://www.nhs.uk/conditions/calcium-channel-blockers/"),
                  atc("C08", "Calcium channel blockers")]),
    dict(id="beta-blocker", name="Beta blockers",
         generics=["propranolol", "atenolol", "bisoprolol", "metoprolol", "carvedilol",
                   "nebivolol", "labetalol", "sotalol", "nadolol", "timolol", "acebutolol",
                   "pindolol", "celiprolol", "esmolol"],
         sources=[nhs("Beta blockers", "https://www.nhs.uk/conditions/beta-blockers/"),
                  atc("C07A", "Beta blocking agents")]),
    dict(id="antiepileptic", name="Antiepileptics (epilepsy and nerve-pain medicines)",
         generics=["valproic acid", "sodium valproate", "valproate", "carbamazepine",
                   "oxcarbazepine", "eslicarbazepine", "lamotrigine", "levetiracetam",
                   "brivaracetam", "topiramate", "zonisamide", "phenytoin", "fosphenytoin",
                   "phenobarbital", "primidone", "ethosuximide", "lacosamide", "gabapentin",
                   "pregabalin", "clobazam", "clonazepam", "perampanel", "rufinamide",
                   "tiagabine", "vigabatrin", "cenobamate"],
         sources=[atc("N03A", "Antiepileptics")]),
    dict(id="bisphosphonate", name="Bisphosphonates (bone-strengthening medicines)",
         generics=["alendronate", "alendronic acid", "risedronate", "ibandronate",
                   "zoledronic acid", "pamidronate", "etidronate"],
         sources=[atc("M05BA", "Bisphosphonates")]),
    dict(id="cholinesterase-inhibitor", name="Cholinesterase inhibitors (dementia and myasthenia medicines)",
         generics=["donepezil", "rivastigmine", "galantamine", "pyridostigmine",
                   "neostigmine"],
         sources=[atc("N06DA", "Anticholinesterases (dementia)"),
                  atc("N07AA", "Anticholinesterases (parasympathomimetics)")]),
    dict(id="laxative", name="Laxatives",
         generics=["senna", "sennosides", "bisacodyl", "lactulose", "macrogol",
                   "polyethylene glycol 3350", "docusate", "sodium picosulfate",
                   "psyllium", "ispaghula", "methylcellulose", "sterculia",
                   "prucalopride", "linaclotide", "lubiprostone"],
         sources=[atc("A06A", "Drugs for constipation")]),
    dict(id="caffeine-pill", name="Caffeine tablets",
         generics=["caffeine"], no_bare=["caffeine"],
         sources=[atc("N06BC01", "Caffeine")]),
    dict(id="levothyroxine", name="Thyroid hormone tablets (levothyroxine)",
         generics=["levothyroxine", "thyroxine", "liothyronine"],
         sources=[nhs("Levothyroxine", "https://www.nhs.uk/medicines/levothyroxine/"),
                  atc("H03AA", "Thyroid hormones")]),
    dict(id="nicotine-replacement", name="Nicotine replacement therapy",
         generics=["nicotine"], no_bare=["nicotine"],
         sources=[atc("N07BA01", "Nicotine")]),
    dict(id="opioid", name="Opioid painkillers",
         generics=["morphine", "codeine", "dihydrocodeine", "oxycodone", "hydrocodone",
                   "hydromorphone", "oxymorphone", "tramadol", "tapentadol", "fentanyl",
                   "buprenorphine", "methadone", "meperidine", "pethidine", "diamorphine",
                   "co-codamol"],
         sources=[atc("N02A", "Opioids")]),
    dict(id="leukotriene-antagonist", name="Leukotriene receptor antagonists (asthma and allergy tablets)",
         generics=["montelukast", "zafirlukast"],
         sources=[{"title": "Montelukast (MedlinePlus)",
                   "url": "https://medlineplus.gov/druginfo/meds/a600014.html"},
                  atc("R03DC", "Leukotriene receptor antagonists")]),
    dict(id="serm", name="Selective oestrogen receptor modulators (raloxifene, tamoxifen)",
         generics=["raloxifene", "tamoxifen", "bazedoxifene"],
         sources=[{"title": "Raloxifene (MedlinePlus)",
                   "url": "https://medlineplus.gov/druginfo/meds/a698007.html"},
                  atc("G03XC", "Selective estrogen receptor modulators"),
                  atc("L02BA", "Anti-estrogens (tamoxifen)")]),
    dict(id="fluoroquinolone", name="Fluoroquinolone antibiotics (ciprofloxacin and others)",
         generics=["ciprofloxacin", "levofloxacin", "ofloxacin", "moxifloxacin",
                   "norfloxacin", "delafloxacin"],
         sources=[nhs("Ciprofloxacin", "https://www.nhs.uk/medicines/ciprofloxacin/"),
                  atc("J01MA", "Fluoroquinolones")]),
    dict(id="chemotherapy", name="Chemotherapy, above all medicines that can harm nerves",
         generics=["oxaliplatin", "cisplatin", "carboplatin", "paclitaxel", "docetaxel",
                   "vincristine", "vinblastine", "vinorelbine", "bortezomib", "thalidomide",
                   "capecitabine"],
         sources=[nhs("Peripheral neuropathy: causes",
                      "https://www.nhs.uk/conditions/peripheral-neuropathy/causes/"),
                  atc("L01", "Antineoplastic agents")]),
    dict(id="medicine", name="Medicines in general",
         generics=[], sources=[]),
]

# ---------------------------------------------------------------------------
# CURATED LAY / CLASS PHRASES (hand-written by twitchcheck, not from the package).
# Always kept (no frequency or length filter). A phrase that can mean several classes
# ("blood pressure tablets", "antidepressants") is listed under each of them: a match
# then says "one of these classes", never more.
# ---------------------------------------------------------------------------
BP = ["blood pressure tablets", "blood pressure pills", "blood pressure meds",
      "blood pressure medication", "blood pressure medicine", "bp meds", "bp tablets",
      "bp pills", "antihypertensive", "antihypertensives"]
WATER = ["water tablets", "water tablet", "water pills", "water pill", "fluid tablets",
         "fluid pills", "diuretic", "diuretics"]
ANTIDEP = ["antidepressant", "antidepressants", "anti-depressant", "anti-depressants",
           "anti depressants"]
DIABETES = ["diabetes tablets", "diabetes meds", "diabetes medication", "diabetic tablets"]
LAY_TERMS = {
    "statin": ["statin", "statins", "cholesterol tablets", "cholesterol pills",
               "cholesterol meds", "cholesterol medication", "cholesterol medicine"],
    "loop-diuretic": WATER + ["loop diuretic", "loop diuretics"],
    "thiazide-diuretic": WATER + BP + ["thiazide", "thiazides", "hctz"],
    "potassium-sparing-diuretic": ["potassium sparing diuretic",
                                   "potassium-sparing diuretic"],
    "ppi": ["ppi", "ppis", "proton pump inhibitor", "proton pump inhibitors",
            "heartburn tablets", "heartburn pills", "heartburn meds",
            "acid reflux tablets", "acid reflux meds", "acid reflux medication",
            "reflux tablets", "reflux meds", "reflux medication", "stomach protector",
            "stomach acid tablet", "stomach acid tablets", "stomach acid pill",
            "stomach acid pills", "stomach acid medicine", "stomach acid meds",
            "acid tablets", "acid pills", "acid reducer", "acid reducers"],
    "beta-agonist": ["blue inhaler", "blue puffer", "reliever inhaler",
                     "puffer", "asthma inhaler", "asthma puffer", "rescue inhaler",
                     "nebuliser", "nebulizer"],
    "stimulant": ["adhd meds", "adhd medication", "adhd medicine", "adhd tablets",
                  "stimulant medication", "stimulant meds", "stimulants",
                  # UK brands the package lacks (NHS Lisdexamfetamine, Methylphenidate)
                  "elvanse", "medikinet", "xaggitin", "xenidate", "delmosart", "matoride",
                  "equasym xl"],
    "leukotriene-antagonist": ["singulair", "montelukast"],
    "serm": ["evista", "raloxifene"],
    "fluoroquinolone": ["cipro", "ciproxin", "levaquin", "tavanic", "avelox",
                        "quinolone", "quinolones", "fluoroquinolone", "fluoroquinolones"],
    "chemotherapy": ["chemo", "chemotherapy", "chemo tablets", "chemo drugs"],
    "ssri": ANTIDEP + ["ssri", "ssris", "happy pills"],
    "snri": ANTIDEP + ["snri", "snris"],
    "tricyclic": ANTIDEP + ["tricyclic", "tricyclics", "tricyclic antidepressant"],
    "maoi": ANTIDEP + ["maoi", "maois", "mao inhibitor", "mao inhibitors"],
    "serotonergic-other": ["triptan", "triptans", "ecstasy", "mdma", "st johns wort",
                           "st john's wort", "st john wort", "saint john's wort"],
    "antipsychotic": ["antipsychotic", "antipsychotics", "anti-psychotic",
                      "anti-psychotics", "major tranquilliser", "major tranquillisers",
                      "major tranquilizer", "major tranquilizers"],
    "antiemetic-dopamine-blocker": ["anti-sickness tablets", "anti sickness tablets",
                                    "anti-nausea tablets", "anti nausea meds",
                                    "anti-nausea medication", "sickness tablets",
                                    "antiemetic", "antiemetics"],
    # UK brand names, as the NHS Lithium page lists them (the package lacks them).
    "lithium": ["priadel", "camcolit", "liskonum", "li-liquid"],
    "metformin": DIABETES,
    "insulin": ["insulin pen", "insulin injections", "insulin pump"],
    "sulfonylurea": DIABETES + ["sulfonylurea", "sulfonylureas", "sulphonylurea",
                                "sulphonylureas"],
    "corticosteroid": ["steroid", "steroids", "steroid tablets", "steroid injection",
                       "steroid injections", "oral steroids", "pred", "cortisone shot",
                       "corticosteroid", "corticosteroids"],
    "ace-inhibitor": BP + ["ace inhibitor", "ace inhibitors", "ace-inhibitor",
                           "ace-inhibitors"],
    "arb": BP + ["arb", "arbs", "angiotensin receptor blocker",
                 "angiotensin receptor blockers", "sartan", "sartans"],
    "calcium-channel-blocker": BP + ["calcium channel blocker", "calcium channel blockers",
                                     "calcium blocker", "calcium blockers"],
    "beta-blocker": BP + ["beta blocker", "beta blockers", "beta-blocker",
                          "beta-blockers", "betablocker", "betablockers"],
    "antiepileptic": ["antiepileptic", "antiepileptics", "anti-epileptic",
                      "anti-epileptics", "anticonvulsant", "anticonvulsants",
                      "epilepsy tablets", "epilepsy meds", "epilepsy medication",
                      "seizure meds", "seizure medication"],
    "bisphosphonate": ["bisphosphonate", "bisphosphonates", "osteoporosis tablets",
                       "osteoporosis medication", "bone tablets"],
    "cholinesterase-inhibitor": ["cholinesterase inhibitor", "cholinesterase inhibitors",
                                 "dementia tablets", "dementia medication",
                                 "alzheimer's medication", "alzheimers medication",
                                 "myasthenia tablets"],
    "laxative": ["laxative", "laxatives", "stool softener", "stool softeners",
                 "milk of magnesia", "movicol", "fybogel", "dulcolax", "senokot",
                 "metamucil", "miralax"],
    "caffeine-pill": ["caffeine tablets", "caffeine tablet", "caffeine pills",
                      "caffeine pill", "pro plus", "pro-plus", "proplus", "no doz",
                      "nodoz"],
    "levothyroxine": ["thyroid tablets", "thyroid meds", "thyroid medication",
                      "thyroid medicine", "thyroxine"],
    "nicotine-replacement": ["nicotine replacement", "nicotine replacement therapy",
                             "nrt", "nicotine patch", "nicotine patches",
                             "nicotine gum", "nicotine lozenge", "nicotine lozenges",
                             "nicotine spray", "nicotine mouth spray",
                             "nicotine inhalator", "nicotine inhaler", "nicorette",
                             "nicotinell", "niquitin"],
    "opioid": ["opioid", "opioids", "opiate", "opiates", "strong painkillers",
               "co-codamol", "cocodamol", "co-dydramol", "oxycontin"],
    "medicine": ["medicine", "medicines", "medication", "medications", "meds",
                 "tablet", "tablets", "pill", "pills", "capsule", "capsules",
                 "prescription", "prescriptions", "prescribed medication",
                 "repeat prescription", "new medication", "new meds", "injection",
                 "injections", "jab", "jabs", "drug", "drugs", "dose", "doses",
                 "dosage", "inhaler", "inhalers", "antibiotic", "antibiotics"],
}

# Salt/form words: a non-brand variant containing one is a chemistry name.
SALT_WORDS = set("""hydrochloride sulfate sulphate sodium potassium calcium magnesium
maleate besylate besilate mesylate mesilate tartrate bitartrate citrate succinate
fumarate acetate phosphate hydrobromide hyclate anhydrous hydrate trihydrate
monohydrate dihydrate hemihydrate salt recombinant hcl bromide chloride dipropionate
propionate furoate valerate xinafoate disodium dimesylate saccharate aspartate
protamine monosodium hemifumarate oxalate napsylate pamoate decanoate palmitate
embonate cypionate acid ester base free human rdna origin""".split())


# CURATED DENY LIST: package variants that are English/Latin words, personal names or
# other products in running text, though rarer than the zipf cut-off. Reviewed by hand
# from the terms of 6 letters or fewer and those with zipf >= 2.
DENY = {
    "modus": "Latin word (modus operandi)", "sone": "unit of loudness; word fragment",
    "vals": "word/name", "luminal": "English adjective", "thein": "typo of 'the in'",
    "arima": "name; statistics term", "dagan": "surname", "calan": "name",
    "dolin": "surname", "marol": "name", "mareen": "first name", "admon": "first name",
    "concor": "word fragment (concord)", "covera": "'cover a' typo", "prent": "word",
    "nisis": "Latin word", "miten": "German word", "lidol": "name", "cardil": "name",
    "humex": "cough-remedy brand", "jumex": "juice brand", "yumex": "food brand",
    "rawel": "name", "volon": "name", "rexer": "name", "transamine": "tranexamic acid brand",
    "levo t": "'levo t' fragment", "prdl": "abbreviation", "sulp": "abbreviation",
    "black draught": "English phrase", "carter's little pills": "historical product",
    "kendall's compound e": "historical lab name", "kendall's compound f": "historical lab name",
    "gamma vinyl gaba": "chemical name", "gamma-vinyl gaba": "chemical name",
    "gamma-vinyl-gaba": "chemical name", "flusemide": "mis-mapped (nicardipine)",
}


def filter_reason(v, generic, is_brand, zipf):
    """Why a package variant is dropped, or None to keep it."""
    letters = sum(ch.isalpha() for ch in v)
    if not re.fullmatch(r"[a-z][a-z '\-.]*[a-z]", v):
        return "chemical/non-ASCII/punctuation"
    if v == generic:
        return None
    if v in DENY:
        return "deny list: " + DENY[v]
    if letters < MIN_LETTERS:
        return f"shorter than {MIN_LETTERS} letters"
    words = v.replace("-", " ").split()
    if len(words) > 3:
        return "more than 3 words"
    if not is_brand and any(w in SALT_WORDS for w in words):
        return "salt/chemical form"
    if not is_brand and re.match(r"[a-z][ \-]", v):
        return "isomer/chemistry prefix (d-, l-, n-)"
    if len(words) == 1 and len(v) <= 5 and sum(ch in "aeiouy" for ch in v) <= 1:
        return "abbreviation-like (5 letters or fewer, at most one vowel)"
    if not is_brand and " and " in f" {v} ":
        return "description, not a name"
    stem = generic.split()[0][:6]
    if not is_brand and len(words) > 1 and any(w.startswith(stem) for w in words):
        return "generic plus maker/form label"
    g1 = generic.replace(" ", "")
    if not is_brand and len(words) == 1 and len(v) >= len(g1) + 3 and (
            g1 in v or g1[:-1] in v):
        return "generic plus maker/salt/isomer label"
    if not is_brand and len(words) == 1 and (
            v.endswith("um") or v in {generic + s for s in ("a", "e", "o", "i")}
            or (v[-1] in "aoe" and v[-1] != generic[-1]
                and difflib.SequenceMatcher(None, v, generic).ratio() >= 0.8)):
        return "Latin/foreign-language form"
    if zipf > ZIPF_MAX:
        return f"common English word (zipf {zipf:.2f} > {ZIPF_MAX})"
    return None


def redundant(term, shorter):
    """A multi-word term containing another kept term as whole words adds nothing."""
    padded = f" {term} "
    return any(s != term and f" {s} " in padded for s in shorter)


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def inner():
    import bz2
    import importlib.resources
    import pickle
    from wordfreq import zipf_frequency

    res = importlib.resources.files("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    with res.open("rb") as f:
        d = pickle.load(bz2.open(f))
    v2c = d["drug_variant_to_canonical"]
    canon = d["drug_canonical_to_data"]
    vdata = d["drug_variant_to_variant_data"]

    # generic -> variants (exact canonical), and brand variants of combination products
    by_canon = {}
    for v, cs in v2c.items():
        for c in cs:
            by_canon.setdefault(c, set()).add(v)
    combo_parts = {}
    for c in canon:
        parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", c) if p.strip()]
        if len(parts) > 1:
            combo_parts[c] = parts

    def norm(s):
        return s.lower().replace("\u2019", "'").strip()

    out = []
    total_dropped = 0
    for cls in CLASSES:
        cid = cls["id"]
        no_bare = set(cls.get("no_bare", []))
        generics = [norm(g) for g in cls["generics"]]
        missing = [g for g in generics if g not in canon]
        cand = {}   # term -> priority (0 generic/lay, 1 brand, 2 combo brand, 3 other)
        dropped = []
        for g in generics:
            if g not in no_bare:
                cand[g] = 0
            variants = sorted(by_canon.get(g, ()))
            combo = sorted(v for c, parts in combo_parts.items() if g in parts
                           for v in by_canon.get(c, ()) if vdata.get(v, {}).get("is_brand"))
            for v, pri_default in [(v, None) for v in variants] + [(v, 2) for v in combo]:
                t = norm(v)
                if t in no_bare or t == g:
                    continue
                is_brand = bool(vdata.get(v, {}).get("is_brand"))
                z = zipf_frequency(t, "en")
                why = filter_reason(t, g, is_brand, z)
                if why:
                    dropped.append((t, why))
                    continue
                pri = pri_default if pri_default is not None else (1 if is_brand else 3)
                cand[t] = min(cand.get(t, 9), pri)
        for t in LAY_TERMS.get(cid, []):
            cand[norm(t)] = 0
        # remove redundant multi-word terms (shortest first)
        kept = []
        for t in sorted(cand, key=lambda t: (len(t.split()), len(t), t)):
            if redundant(t, kept):
                dropped.append((t, "redundant: contains a shorter kept term"))
            else:
                kept.append(t)
        kept.sort(key=lambda t: (cand[t], len(t.split()), len(t), t))
        capped = [t for t in kept[MAX_TERMS:] if cand[t] > 0]
        final = sorted(set(t for t in kept if t not in set(capped)))
        for t in capped:
            dropped.append((t, f"over the cap of {MAX_TERMS} (lowest priority)"))
        dropped = [(t, why) for t, why in dropped if t not in set(final)]
        total_dropped += len(set(dropped))
        print(f"== {cid}: {len(final)} terms; missing from package: {missing or 'none'}")
        for t, why in sorted(set(dropped), key=lambda x: (x[1], x[0])):
            print(f"   dropped {t!r}: {why}")
        out.append((cls, final))

    lines = [
        f"# Generated by scripts/gen-medicines.py from {PKG} {PKG_VERSION} (PyPI, MIT) — do not edit by hand; edit the script and rerun.",
        "# Class membership (generic names) and lay phrases are curated in the script; brand names and",
        f"# variants come from the package; common English words (wordfreq {WORDFREQ_VERSION} zipf > {ZIPF_MAX})",
        f"# and variants under {MIN_LETTERS} letters are dropped. A phrase may belong to several classes.",
        "",
    ]
    for cls, terms in out:
        lines.append("[[class]]")
        lines.append(f"id = {toml_str(cls['id'])}")
        lines.append(f"name = {toml_str(cls['name'])}")
        # A medicine is a state the person is in: it holds for the whole message
        # about them, so a pattern may take it from another sentence.
        lines.append("state = true")
        lines.append("terms = [" + ", ".join(toml_str(t) for t in terms) + "]")
        srcs = ", ".join("{ title = %s, url = %s }" % (toml_str(s["title"]), toml_str(s["url"]))
                         for s in cls["sources"])
        lines.append(f"sources = [{srcs}]")
        lines.append("")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {OUT}: {len(out)} classes, {sum(len(t) for _, t in out)} terms, "
          f"{total_dropped} variants dropped")


def outer():
    if not os.path.isdir("data"):
        sys.exit("run from the repository root (data/ not found)")
    tmp = tempfile.mkdtemp(prefix="gen-medicines-")
    try:
        venv = os.path.join(tmp, "venv")
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        py = os.path.join(venv, "bin", "python")
        subprocess.run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        f"{PKG}=={PKG_VERSION}", f"wordfreq=={WORDFREQ_VERSION}"], check=True)
        subprocess.run([py, os.path.abspath(__file__), "--inner"], check=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if "--inner" in sys.argv:
        inner()
    else:
        outer()

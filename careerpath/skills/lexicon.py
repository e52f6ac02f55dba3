"""Hand-written word lists the posting analyser reads: stop words, section headings, cues.

Kept apart from the rules in ``extraction.py`` and ``matching.py`` so the rules read as
logic and the lists can grow without touching them. Every list here was written for
careerpath; none is copied from a dataset.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set: lists read as prose."""
    return frozenset(text.split())


# The most frequent English function words. The language check counts how many of a
# text's words are in this set: English prose sits around 35–50 %, skill lists lower,
# other languages near zero.
ENGLISH_STOP_WORDS = words("""a about above after again against all am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into is
    it its itself just me more most my no nor not of off on once only or other our ours
    out over own same she should so some such than that the their theirs them then there
    these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself will shall must our
    us also within across via per""")

# Frequent function words of the languages postings most often arrive in besides English.
# A text whose words hit one of these more often than the English list is not English.
FOREIGN_STOP_WORDS = {
    "French": words(
        "le la les un une des du de et est en pour dans avec sur nous vous qui que "
        "au aux ce cette ses son sont être votre vos notre nos par pas plus ou"
    ),
    "German": words(
        "der die das und ist ein eine einen mit für von zu den dem des sie wir ihr "
        "auf im nicht auch sich bei oder als werden wird sind unsere unser deine dein"
    ),
    "Spanish": words(
        "el la los las un una y es en para con por del al que se su sus como más "
        "nuestro nuestra somos experiencia buscamos tu tus o"
    ),
    "Dutch": words(
        "de het een en van is in op met voor je jij wij we zijn niet ook als bij "
        "naar dat die om ons onze jouw"
    ),
    "Italian": words(
        "il lo la gli le un una e di da in con per su che del della dei delle sono "
        "siamo nostro nostra esperienza"
    ),
    "Portuguese": words(
        "o a os as um uma e de do da dos das em para com por que se seu sua nosso "
        "nossa somos experiência"
    ),
}

# Section headings that put what follows into "nice to have".
NICE_HEADING = re.compile(
    r"\b(nice[\s-]to[\s-]haves?|good[\s-]to[\s-]haves?|bonus(?:\s+points)?|pluses|"
    r"plus(?:\s+points)?|preferred|desired|desirable|ideally|optional|extra\s+credit|"
    r"even\s+better|would\s+be\s+(?:great|nice)|(?:it's|it\s+is)\s+a\s+plus|"
    r"what\s+would\s+make\s+you\s+stand\s+out|stand\s+out|not\s+required|"
    r"additional\s+(?:skills|qualifications)|assets?)\b",
    re.IGNORECASE,
)

# Words that may stand around heading words ("Our ideal candidate's skills").
HEADING_FILLER = words("""ideal candidate candidates role job position team company points bonus key core
    minimum basic main technical tech soft hard desired additional other tools stack
    i'll you'll we'll you're we're let's who's what's s""")

# Headings of sections that ask for nothing in particular: they end a "Nice to have"
# section, so what follows is judged by its own wording.
NEUTRAL_HEADING = re.compile(
    r"^(?:about\s+(?:us|the\s+(?:role|job|company|team|position))|the\s+role|"
    r"(?:key\s+)?responsibilities|duties|what\s+you(?:'ll|\s+will)\s+do|"
    r"your\s+(?:role|mission|day)|benefits|perks|what\s+we\s+offer|why\s+join\s+us|"
    r"compensation|salary|how\s+to\s+apply|location|the\s+team|our\s+team|"
    r"overview|summary|job\s+description|description)\b",
    re.IGNORECASE,
)

# What the employer gives rather than asks: skills named here ("a learning budget",
# "flexible hours") are not requirements, so the analysis leaves them out.
OFFER_HEADING = re.compile(
    r"^(?:(?:our\s+|the\s+)?benefits|perks|(?:what\s+)?we\s+offer|our\s+offer|"
    r"why\s+(?:join|work\s+(?:with|for))\s+us|compensation(?:\s+(?:and|&)\s+benefits)?|"
    r"what'?s\s+in\s+it\s+for\s+you|what\s+you(?:'ll|\s+will)?\s+get|"
    r"salary\s+(?:and|&)\s+benefits)\b",
    re.IGNORECASE,
)
OFFER_SENTENCE = re.compile(
    r"[\s\-*•]*(?:we\s+(?:offer|provide)|you(?:'ll|\s+will)\s+(?:get|receive|enjoy)|"
    r"(?:benefits|perks)\s+include|in\s+return)\b",
    re.IGNORECASE,
)

# Section headings that put what follows into "must have".
MUST_HEADING = re.compile(
    r"\b(requirements?|required|must[\s-]haves?|qualifications|essential|essentials|"
    r"what\s+you(?:'ll|\s+will)?\s+(?:need|bring)|who\s+you\s+are|you\s+have|"
    r"about\s+you|your\s+profile|your\s+skills|skills|experience|"
    r"what\s+we(?:'re|\s+are)\s+looking\s+for|we\s+are\s+looking\s+for|"
    r"what\s+we\s+expect|competenc(?:ies|es)|profile)\b",
    re.IGNORECASE,
)

# Wording inside a sentence. The cue nearest to a mention decides its requirement, so
# "Python required, Go a plus" puts Python in must and Go in nice.
NICE_CUE = re.compile(
    r"\b(nice[\s-]to[\s-]have|good[\s-]to[\s-]have|(?:is\s+)?an?\s+(?:big\s+|huge\s+|strong\s+)?"
    r"(?:plus|bonus|advantage|asset)|bonus|preferred|preferably|preference|ideally|"
    r"desirable|desired|optional|advantageous|beneficial|would\s+be\s+(?:great|nice|helpful)|"
    r"helpful|appreciated|welcome|not\s+required|not\s+essential|not\s+mandatory|"
    r"nice\s+if|great\s+if|even\s+better)\b",
    re.IGNORECASE,
)
MUST_CUE = re.compile(
    r"\b(required|requires?|requirements?|must(?:[\s-]have)?|essential|mandatory|"
    r"necessary|need(?:s|ed)?\s+to|you\s+need|minimum|at\s+least|"
    r"qualifications)\b",
    re.IGNORECASE,
)

# Natural languages a posting may ask for. Programming languages are skills, not these.
NATURAL_LANGUAGES = (
    "English",
    "French",
    "German",
    "Spanish",
    "Italian",
    "Portuguese",
    "Dutch",
    "Flemish",
    "Mandarin",
    "Cantonese",
    "Chinese",
    "Japanese",
    "Korean",
    "Arabic",
    "Russian",
    "Ukrainian",
    "Polish",
    "Czech",
    "Slovak",
    "Hungarian",
    "Romanian",
    "Bulgarian",
    "Greek",
    "Turkish",
    "Hebrew",
    "Hindi",
    "Urdu",
    "Bengali",
    "Punjabi",
    "Tamil",
    "Telugu",
    "Vietnamese",
    "Thai",
    "Indonesian",
    "Malay",
    "Tagalog",
    "Filipino",
    "Swahili",
    "Persian",
    "Farsi",
    "Swedish",
    "Danish",
    "Norwegian",
    "Finnish",
    "Icelandic",
    "Estonian",
    "Latvian",
    "Lithuanian",
    "Croatian",
    "Serbian",
    "Slovenian",
    "Catalan",
    "Basque",
    "Welsh",
    "Irish",
    "American Sign Language",
    "British Sign Language",
)

# Words near a language name that show the posting asks for that language.
LANGUAGE_CUE = re.compile(
    r"\b(fluen(?:t|cy)|native|mother\s+tongue|bilingual|multilingual|speak(?:s|ing)?|"
    r"spoken|written|language|languages|proficien(?:t|cy)|business[\s-]level|"
    r"working\s+knowledge|conversational|command\s+of|[ABC][12])\b",
    re.IGNORECASE,
)

# Short or everyday words that are also skill names ("Go", "R", "Excel", "Swift",
# "Word"). Written in lower case they are ordinary English, so the matcher only takes
# them when the posting capitalises them.
AMBIGUOUS_WORDS = words("""go r c d j e v s ai it ux ui qa hr pr seo ads ant make less sass shell swift rust
    ruby pearl perl spark chef puppet react express ember backbone meteor flask bottle
    excel word access outlook teams slack zoom jira box git vault consul nomad packer
    salt kafka storm hive pig flume sqoop oozie beam flink airflow luigi dagster prefect
    dash streamlit shiny tableau looker mode sigma domo qlik alteryx knime orange weka
    elm crystal julia dart kotlin scala groovy clojure haskell erlang elixir lisp scheme
    prolog fortran cobol pascal ada basic logo smalltalk apex lightning visualforce
    processing solid agile lean kanban scrum safe six sigma itil cobit prince2 pmp
    numbers pages keynote notion asana trello monday basecamp wrike clickup
    figma sketch canva framer invision zeplin miro mural lucid whimsical
    drive docs sheets forms sites meet chat calendar gmail keep
    mail post office paint photos movie spring summer winter fall play store
    unity unreal godot maya blender houdini nuke cinema
    sage xero wave zoho quickbooks netsuite oracle sap workday
    writing reading speaking listening drawing painting design marketing sales
    accounting finance teaching nursing coaching mentoring leadership management
    communication negotiation presentation research analysis planning budgeting
    scheduling cooking cleaning driving welding plumbing carpentry framing wiring
    selling buying hiring training testing""")
# Of those, the ones that are only a skill when capitalised. Words like "leadership"
# or "welding" name the skill in lower case too, so they stay matchable.
CASE_SENSITIVE_WORDS = (
    AMBIGUOUS_WORDS
    - words("""writing reading speaking listening drawing painting design marketing sales
    accounting finance teaching nursing coaching mentoring leadership management
    communication negotiation presentation research analysis planning budgeting
    scheduling cooking cleaning driving welding plumbing carpentry framing wiring
    selling buying hiring training testing agile lean kanban scrum
    solid""")
    | ENGLISH_STOP_WORDS
)

# Phrases that introduce a skill the vocabulary may not know: "experience with X",
# "ability to X". The text after the trigger, up to a delimiter, is a candidate skill.
SKILL_TRIGGERS = re.compile(
    r"\b(?:(?:hands[\s-]on\s+|proven\s+|strong\s+|solid\s+|good\s+|deep\s+|excellent\s+|"
    r"practical\s+|working\s+|professional\s+|demonstrated\s+|extensive\s+|some\s+)?"
    r"(?:experience|expertise|knowledge|understanding|familiarity|proficiency|background|"
    r"skills?|grounding|track\s+record|competence)\s+(?:with|in|of|using|on|around)"
    r"(?:\s+(?:the|a|an))?|"
    r"(?:proficient|skilled|experienced|fluent|versed|familiar|comfortable|confident)\s+"
    r"(?:with|in|using)(?:\s+(?:the|a|an))?|"
    r"(?:ability|able|capacity|willingness|willing)\s+to)\s+",
    re.IGNORECASE,
)

# Verbs that open a skill phrase in postings ("build data pipelines", "communicating
# with stakeholders"). Base forms; the phrase finder also accepts "-ing" and "-s".
SKILL_VERBS = words(
    """accelerate achieve acquire act adapt address administer advise advocate align
    analyse analyze anticipate apply architect articulate assess assist audit automate
    balance benchmark bring build calculate champion clean coach code collaborate collect
    communicate compile conduct configure consult contribute control convert cooperate
    coordinate craft create curate customise customize debug decide define deliver deploy
    design detect develop diagnose direct document draft drive educate embrace empower
    enable engage engineer enhance ensure establish estimate evaluate evolve examine
    execute experiment explain explore facilitate file find fix forecast foster gather
    generate guide handle help hire identify implement improve influence inform innovate
    inspect inspire install instruct integrate interact interpret interview investigate
    invoice lead learn leverage listen maintain manage map market measure mentor merge
    migrate model moderate modernise modernize monitor motivate negotiate onboard operate
    optimise optimize orchestrate organise organize own oversee partner perform pitch plan
    prepare present prioritise prioritize process produce program promote propose
    prototype provide publish recruit reduce refactor report represent research resolve
    respond review run scale schedule scope script secure sell serve set shape share ship
    simplify solve source specify sponsor streamline structure supervise support teach
    test train transform translate troubleshoot tune understand upgrade use utilise
    utilize validate verify visualise visualize weld work write"""
)

# Words that end a skill phrase: the next clause or a new coordinated phrase begins.
PHRASE_END_WORDS = words(
    """and or but to that which who whom where when while whilst if as so because
    including such like e.g i.e etc is are was were will would should can could must
    be been being you we they our your their"""
)

# Words after which a skill verb starts a phrase: "ability to build", "you will lead",
# "experience in designing".
PHRASE_OPENERS = words(
    """to will and or you we for in of by about at be also help can should must shall
    'll ll including like"""
)

# Personal qualities postings list as skills on their own ("proactive", "structured").
SOFT_QUALITIES = words(
    """adaptable agile ambitious analytical articulate autonomous collaborative
    committed communicative conscientious creative curious customer-focused dedicated
    dependable detail-oriented diligent disciplined driven dynamic eager empathetic
    energetic enthusiastic entrepreneurial flexible focused hands-on hardworking
    hard-working honest independent innovative inquisitive meticulous motivated
    organised organized outgoing passionate patient persistent positive pragmatic
    proactive problem-solver professional punctual reliable resilient resourceful
    responsible result-oriented results-driven results-oriented self-directed
    self-driven self-motivated self-starter service-minded solution-oriented strategic
    structured systematic tenacious thorough trustworthy versatile"""
)

# Nouns that close a quality into a skill: "analytical skills", "growth mindset".
QUALITY_HEADS = words(
    """skills skill mindset thinking attitude approach player communicator abilities
    ability thinker learner manner mind-set spirit"""
)

# Prepositions that end a skill phrase once it has a verb and an object.
PHRASE_PREPOSITIONS = words(
    """with from at for by in within across on into onto via through throughout during
    without towards toward among alongside"""
)

# Words postings use all the time in their ordinary sense ("join our team", "the
# future of work", "a flexible schedule") that a vocabulary may still carry as an alias.
# On their own they are never taken as a skill; inside a longer name they still count
# ("team management", "quality assurance").
GENERIC_WORDS = words(
    """team teams future flexible flexibility it responsible responsibility
    responsibilities leading lead leads leader leaders quality professional
    professionals code codes market markets innovation innovative program programs
    programme growth network networks organization organisation organizations
    organisations academic production dynamic scale degree events event options option
    competitive execution cv close compensation languages language recruitment test tests
    making send budget solid best practices orientation resources resource operations
    relocation travel partnerships partnership package packages publications publication
    fun insights insight drives drive driving driven transformation committed encourage
    encouraged encourages initiatives initiative energy influence linked ambition
    structure structures pricing practical purchase tuition received receive receiving
    receives welcome welcoming later offshore account direct makes make strategies
    strategy operation report reports brands brand commitment disciplines discipline
    ownership release price payment payments friendly interview interviews inclusive
    positive presence interaction interactions cost costs balance electronic selection
    automated discover sources source metrics timely workshops contract contracts respect
    autonomy onboarding present launch launched mark consistent priorities target targets
    log car cars blog rewards accurate belongs finish welcomes contacts shifts ground
    segment educated affiliated nordic tax reason reasons words warm closed opening
    rewarding bold instructions decisive adapted messages cluster tailored backed
    marked grades turning turn dr er ad pm vc wir vision passion open master bachelor
    diploma diplomas patients patient persons machine concrete collection landscape
    landscapes transparent transparency accountability tracking determine farm farms
    cable rail trade organize learning"""
)

# Nouns for people: a name ending in one is a job title ("Data Engineer", "Product
# Owner"), not a skill, unless the vocabulary lists it as a certification.
PERSON_NOUNS = words(
    """engineer engineers developer developers administrator administrators owner
    owners master masters lead leads manager managers analyst analysts teacher teachers
    nurse nurses leader leaders designer designers architect architects scientist
    scientists consultant consultants specialist specialists officer officers director
    directors head heads partner partners expert experts technician technicians
    programmer programmers tester testers coordinator coordinators assistant assistants
    representative representatives professional professionals researcher researchers
    member members"""
)

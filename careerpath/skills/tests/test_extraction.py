"""Posting analysis on real-looking posting snippets, with a small vocabulary handed in.

No database: the matcher is built from ``Term`` rows here, so each table row states
exactly which skills the snippet should yield.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.skills.extraction import (
    PostingError,
    analyse_posting,
    to_plain_text,
)
from careerpath.skills.matching import SkillMatcher, Term, stem

VOCABULARY = [
    Term(1, "Python", "tool"),
    Term(2, "Go", "tool", aliases=("golang",)),
    Term(3, "Kubernetes", "tool", aliases=("k8s",)),
    Term(4, "SQL", "tool"),
    Term(5, "Data pipeline", "hard", aliases=("etl pipeline",)),
    Term(6, "Stakeholder management", "soft", aliases=("managing stakeholders",)),
    Term(7, "AWS Certified Solutions Architect", "certification"),
    Term(8, "Communication", "soft", aliases=("communication skills",)),
    Term(9, "Microsoft Excel", "tool", aliases=("excel", "ms excel")),
    Term(10, "JavaScript", "tool", aliases=("js", "javascript es6")),
    Term(11, "React", "tool", aliases=("react.js", "reactjs")),
    Term(12, "Node.js", "tool", aliases=("node", "nodejs")),
    Term(13, "C++", "tool", aliases=("cpp",)),
    Term(14, "C#", "tool", aliases=("c sharp",)),
    Term(15, ".NET", "tool", aliases=("dotnet", ".net core")),
    Term(16, "CI/CD", "hard", aliases=("continuous integration",)),
    Term(17, "Project management", "hard"),
    Term(18, "Terraform", "tool"),
    Term(19, "Amazon Web Services", "tool", aliases=("aws",)),
    Term(20, "Machine learning", "knowledge", aliases=("ml",)),
    Term(21, "Docker", "tool"),
    Term(22, "PostgreSQL", "tool", aliases=("postgres",)),
    Term(23, "Registered nurse", "certification", aliases=("rn",)),
    Term(24, "Patient care", "hard"),
    Term(25, "Welding", "hard"),
    Term(26, "Forklift operation", "hard", aliases=("forklift",)),
    Term(27, "Spanish", "language"),
    Term(28, "Salesforce", "tool", aliases=("salesforce crm",)),
    Term(29, "Negotiation", "soft"),
    Term(30, "Information technology", "knowledge", aliases=("it",)),
    Term(31, "Rust", "tool"),
    Term(32, "Swift", "tool"),
    Term(33, "Financial modelling", "hard", aliases=("financial modeling",)),
    Term(34, "Google Analytics", "tool", aliases=("ga4",)),
    Term(35, "Search engine optimisation", "hard", aliases=("seo",)),
]
MATCHER = SkillMatcher(VOCABULARY)


def analyse(text: str):
    return analyse_posting(text, matcher=MATCHER)


def labels(analysis, requirement: str | None = None) -> list[str]:
    """Labels of the taxonomy skills found (phrases outside the taxonomy left out)."""
    return [
        mention.label
        for mention in analysis.skills
        if mention.skill_id is not None
        and (requirement is None or mention.requirement == requirement)
    ]


def phrases(analysis) -> list[str]:
    """The skill phrases found outside the taxonomy, as written."""
    return [m.text for m in analysis.mentions if m.match == "unmatched"]


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("We write Python and SQL every day.", ["Python", "SQL"]),
        ("Experience with golang microservices", ["Go"]),
        ("You know your way around K8s and Docker.", ["Kubernetes", "Docker"]),
        ("Strong C++ or C# background; .NET Core a bonus", ["C++", "C#", ".NET"]),
        (
            "Build CI/CD with Terraform on AWS.",
            ["CI/CD", "Terraform", "Amazon Web Services"],
        ),
        (
            "Comfortable with React.js, Node.js and modern JavaScript",
            ["React", "Node.js", "JavaScript"],
        ),
        ("You will build ETL pipelines and data pipelines.", ["Data pipeline"]),
        ("Managing stakeholders across three continents", ["Stakeholder management"]),
        ("Advanced Excel (pivot tables, VLOOKUP)", ["Microsoft Excel"]),
        (
            "Current RN licence; two years of patient care",
            ["Registered nurse", "Patient care"],
        ),
        ("MIG and TIG welding, forklift licence", ["Welding", "Forklift operation"]),
        (
            "Excellent communication skills and negotiation",
            ["Communication", "Negotiation"],
        ),
        (
            "Knowledge of financial modeling in Excel",
            ["Financial modelling", "Microsoft Excel"],
        ),
        (
            "Own SEO and GA4 reporting",
            ["Search engine optimisation", "Google Analytics"],
        ),
        ("Machine Learning with PostgreSQL data", ["Machine learning", "PostgreSQL"]),
    ],
)
def test_skills_found(snippet, expected):
    assert labels(analyse(snippet)) == expected


@pytest.mark.parametrize(
    "snippet",
    [
        "We go the extra mile for our customers.",
        "You will excel in a fast-paced team.",
        "It is a great place to work and it shows.",
        "Rust-coloured uniforms are provided for the swift completion of shifts.",
    ],
)
def test_everyday_words_are_not_skills(snippet):
    assert labels(analyse(snippet)) == []


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("Experience with Go", ["Go"]),
        ("Our stack is Swift and Rust.", ["Swift", "Rust"]),
        ("Three years in IT support", ["Information technology"]),
    ],
)
def test_everyday_words_count_when_capitalised(snippet, expected):
    assert labels(analyse(snippet)) == expected


@pytest.mark.parametrize(
    ("snippet", "how"),
    [
        ("Python", "exact"),
        ("python", "exact"),
        ("k8s", "alias"),
        ("Golang", "alias"),
        ("data pipelines", "inflection"),
        ("Kubernetis", "fuzzy"),
        ("Terraformm", "fuzzy"),
        ("Salesforse CRM", "fuzzy"),
    ],
)
def test_match_kind(snippet, how):
    (mention,) = [
        m
        for m in analyse(f"Experience with {snippet} required.").mentions
        if m.skill_id
    ]
    assert mention.match == how
    assert 0 < mention.score <= 1


def test_mention_offsets_point_into_the_plain_text():
    analysis = analyse("<p>We use <b>Python</b> &amp; <i>PostgreSQL</i>.</p>")
    assert analysis.text == "We use Python & PostgreSQL."
    for mention in analysis.mentions:
        assert analysis.text[mention.start : mention.end] == mention.text


REQUIREMENTS = [
    # (posting, must labels, nice labels)
    (
        "Requirements:\n- Python\n- SQL\nNice to have:\n- Go\n- Terraform",
        ["Python", "SQL"],
        ["Go", "Terraform"],
    ),
    (
        "What you'll bring\n* Python\nBonus points\n* Kubernetes",
        ["Python"],
        ["Kubernetes"],
    ),
    (
        "<h3>Required qualifications</h3><ul><li>SQL</li></ul>"
        "<h3>Preferred qualifications</h3><ul><li>Docker</li></ul>",
        ["SQL"],
        ["Docker"],
    ),
    ("Python is required; Go is a plus.", ["Python"], ["Go"]),
    ("Python required, Go a plus", ["Python"], ["Go"]),
    (
        "Experience with Kubernetes, Terraform or Docker is a plus.",
        [],
        ["Kubernetes", "Terraform", "Docker"],
    ),
    ("Ideally you have worked with Salesforce.", [], ["Salesforce"]),
    ("Familiarity with Rust is preferred but not required.", [], ["Rust"]),
    ("You must know SQL.", ["SQL"], []),
    ("Nice to have: Docker, Kubernetes", [], ["Docker", "Kubernetes"]),
    ("Bonus: AWS", [], ["Amazon Web Services"]),
    ("Knowledge of Spanish would be an advantage.", [], ["Spanish"]),
    (
        "Nice to have\n- Python (required for the data team)\n- Docker",
        ["Python"],
        ["Docker"],
    ),
    ("We build with Python and Docker.", ["Python", "Docker"], []),
    (
        "Requirements\n- SQL\nResponsibilities\n- Build data pipelines with Python",
        ["SQL", "Data pipeline", "Python"],
        [],
    ),
    (
        "Nice to have\n- Docker\nKey responsibilities\n- Ship Python services",
        ["Python"],
        ["Docker"],
    ),
    (
        "BONUS POINTS\n- Rust\nABOUT US\nWe use Go.",
        ["Go"],
        ["Rust"],
    ),
    (
        "Python (must have) and Go (nice to have)",
        ["Python"],
        ["Go"],
    ),
    (
        "Python, SQL; Docker desirable",
        ["Python", "SQL"],
        ["Docker"],
    ),
]


@pytest.mark.parametrize(("posting", "must", "nice"), REQUIREMENTS)
def test_must_and_nice(posting, must, nice):
    analysis = analyse(posting)
    assert labels(analysis, "must") == must
    assert labels(analysis, "nice") == nice


@pytest.mark.parametrize(
    ("posting", "expected"),
    [
        ("We offer a Python training budget and a gym.", []),
        ("Requirements\n- SQL\nBenefits\n- Free Docker workshops\n- Gym", ["SQL"]),
        ("What we offer\n- Kubernetes conference tickets", []),
        ("Perks\n- Excel courses\nRequirements\n- Python", ["Python"]),
        ("In return: Terraform certification paid by us", []),
        ("You will get a Salesforce licence.", []),
        ("You will build Go services.", ["Go"]),
    ],
)
def test_what_the_employer_offers_is_not_a_requirement(posting, expected):
    assert labels(analyse(posting)) == expected


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("A polished product", []),
        ("Fluent Polish", ["Polish"]),
        ("Managed budgets and networks", []),
    ],
)
def test_inflection_does_not_change_meaning(snippet, expected):
    vocabulary = [
        *VOCABULARY,
        Term(50, "Polish", "language"),
        Term(51, "Managed services", "hard", aliases=("manage",)),
    ]
    analysis = analyse_posting(snippet, matcher=SkillMatcher(vocabulary))
    assert labels(analysis) == expected


def test_must_wins_over_nice_for_the_same_skill():
    analysis = analyse("Nice to have:\n- Python\nRequirements:\n- Python 3 and SQL")
    assert [(m.label, m.requirement) for m in analysis.skills] == [
        ("Python", "must"),
        ("SQL", "must"),
    ]
    assert len(analysis.mentions) == 3


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        (
            "Build scalable data services for our clients.",
            ["Build scalable data services"],
        ),
        ("You will lead a small team of engineers", ["lead a small team of engineers"]),
        (
            "Ability to work independently and communicate with stakeholders",
            ["work independently", "communicate with stakeholders"],
        ),
        (
            "Experience in designing REST APIs in close collaboration with product",
            ["designing REST APIs"],
        ),
        (
            "- Mentor junior developers\n- Review code daily",
            ["Mentor junior developers", "Review code daily"],
        ),
        (
            "You are proactive, structured and have strong analytical skills.",
            ["analytical skills"],
        ),
        ("A dynamic and professional company", []),
        (
            "Design and build services and mentor engineers",
            ["Design and build services", "mentor engineers"],
        ),
        ("Own code review and documentation", ["Own code review and documentation"]),
        ("We offer a gym membership and free lunch.", []),
        ("The building has a canteen.", []),
        ("Write", []),
    ],
)
def test_skill_phrases_outside_the_taxonomy(snippet, expected):
    analysis = analyse(snippet)
    assert phrases(analysis) == expected
    for mention in analysis.mentions:
        if mention.match == "unmatched":
            assert mention.skill_id is None
            assert mention.score == 0.5
            assert mention.label[0].isupper()


def test_phrases_hold_the_taxonomy_skills_they_contain():
    analysis = analyse("Develop backend services in Python and Go")
    assert [(m.text, m.match) for m in analysis.mentions] == [
        ("Develop backend services", "unmatched"),
        ("Python", "exact"),
        ("Go", "exact"),
    ]


@pytest.mark.parametrize(
    ("snippet", "labels_found"),
    [
        ("Join our team and shape the future of quality code.", []),
        ("Senior Data Engineer (remote)", []),
        ("Certified Registered Nurse wanted", ["Registered nurse"]),
    ],
)
def test_generic_words_and_job_titles_are_not_skills(snippet, labels_found):
    vocabulary = [
        *VOCABULARY,
        Term(40, "Teamwork", "soft", aliases=("team",)),
        Term(41, "Data engineering", "hard"),
        Term(42, "Software quality", "hard", aliases=("quality",)),
    ]
    analysis = analyse_posting(snippet, matcher=SkillMatcher(vocabulary))
    assert labels(analysis) == labels_found


@pytest.mark.parametrize(
    ("snippet", "years"),
    [
        ("5+ years of experience in software engineering", 5),
        ("Minimum 3 years' experience as a nurse", 3),
        ("3-5 years of relevant experience", 3),
        ("At least two years of experience with SQL", 2),
        ("Experience: 4 yrs", 4),
        ("7+ years of experience overall, 2+ years with AWS", 7),
        ("We were founded 20 years ago.", None),
        ("A 2-year fixed-term contract.", None),
        ("Requirements: 5 years experience. Nice to have: 8 years experience", 5),
        ("10 or more years working in finance", 10),
        ("", None),
    ],
)
def test_years_of_experience(snippet, years):
    analysis = analyse(f"About the job\n{snippet}\nWe work with Python.")
    assert analysis.years_experience == years


@pytest.mark.parametrize(
    ("snippet", "level"),
    [
        ("Bachelor's degree in Computer Science or equivalent", "bachelor"),
        ("BS/MS in Statistics", "bachelor"),
        ("Master's degree required; PhD preferred", "master"),
        ("PhD in Machine Learning", "doctorate"),
        ("High school diploma or GED", "high school"),
        ("Associate degree in nursing", "associate"),
        ("MBA a plus", "master"),
        ("Proficient in MS Office", ""),
        ("No degree needed, just curiosity", ""),
        ("BSc or MSc in engineering", "bachelor"),
    ],
)
def test_education(snippet, level):
    assert analyse(f"Requirements\n{snippet}").education == level


@pytest.mark.parametrize(
    ("snippet", "certifications"),
    [
        (
            "AWS Certified Solutions Architect preferred",
            ("AWS Certified Solutions Architect",),
        ),
        (
            "Certified Kubernetes Administrator (CKA)",
            ("Certified Kubernetes Administrator",),
        ),
        ("PMP Certification is a plus", ("PMP Certification",)),
        ("Relevant certifications are welcome", ()),
        ("Current RN licence", ("Registered nurse",)),
    ],
)
def test_certifications(snippet, certifications):
    assert analyse(snippet).certifications == certifications


@pytest.mark.parametrize(
    ("snippet", "languages"),
    [
        ("Fluent English and German required", ("English", "German")),
        ("Native-level French; Dutch is a plus (spoken)", ("French", "Dutch")),
        ("Bilingual Spanish/English", ("Spanish", "English")),
        ("We polish our Polish market strategy", ()),
        ("Our Japanese clients love us", ()),
    ],
)
def test_languages(snippet, languages):
    assert analyse(snippet).languages == languages


@pytest.mark.parametrize(
    ("posting", "message"),
    [
        ("", "empty"),
        ("   \n\t  ", "empty"),
        ("<div><br></div>", "empty"),
        ("x" * (101 * 1024), "the limit is 100 kB"),
        ("Python \x00\x01\x02\x03 SQL " * 20, "readable text"),
        ("Ã©Ã¨Ã  â€™ Ã§a Ã©tait " * 20, "readable text"),
        ("%$#@ 1234 5678 !!! ???" * 10, "readable text"),
        (
            "Nous recherchons un développeur Python pour rejoindre notre équipe. "
            "Vous avez de l'expérience avec les bases de données et le cloud. "
            "Le poste est basé à Paris avec du télétravail possible.",
            "only English postings are supported",
        ),
        (
            "Wir suchen eine erfahrene Entwicklerin für unser Team in Berlin. "
            "Sie haben Erfahrung mit Python und SQL und arbeiten gerne im Team "
            "mit den Kollegen aus der Produktentwicklung.",
            "only English postings are supported",
        ),
        (
            "我们正在寻找一名熟悉 Python 和 SQL 的数据工程师, 负责数据管道的开发与维护"
            * 3,
            "only English",
        ),
        (
            "Buscamos un ingeniero de datos con experiencia en Python y SQL para "
            "nuestro equipo de análisis en Madrid, con contrato indefinido y más.",
            "only English postings are supported",
        ),
    ],
)
def test_bad_input(posting, message):
    with pytest.raises(PostingError, match=message):
        analyse(posting)


def test_size_message_names_the_size():
    with pytest.raises(PostingError, match=r"is 150 kB; the limit is 100 kB"):
        analyse("Python and SQL. " * (150 * 1024 // 16))


@pytest.mark.parametrize(
    "posting",
    [
        "Python, SQL, Docker",
        "Senior data engineer (Python/SQL)",
        "Python " * 30,
        "We are hiring a nurse. You will care for patients on our ward and work in a team.",
    ],
)
def test_short_english_and_skill_lists_are_accepted(posting):
    analyse(posting)


@pytest.mark.parametrize(
    ("html_text", "plain"),
    [
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("<ul><li>A</li><li>B</li></ul>", "- A\n- B"),
        ("<h2>Requirements</h2>Python<br>SQL", "Requirements\nPython\nSQL"),
        ("<p>R&amp;D &lt;team&gt; &eacute;t&eacute;</p>", "R&D <team> été"),
        ("<style>p{color:red}</style><p>Text</p><script>alert(1)</script>", "Text"),
        ("<p>Line\nwrapped   in source</p>", "Line wrapped in source"),
        ("Plain text\n\n\n\nwith gaps", "Plain text\n\nwith gaps"),
        ("Salary &gt; 50k &amp; equity", "Salary > 50k & equity"),
    ],
)
def test_plain_text(html_text, plain):
    assert to_plain_text(html_text) == plain


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("pipelines", "pipelin"),
        ("pipeline", "pipelin"),
        ("managing", "manag"),
        ("manage", "manag"),
        ("managed", "manag"),
        ("policies", "policy"),
        ("analysis", "analysis"),
        ("planning", "plan"),
        ("aws", "aws"),
        ("node.js", "node.js"),
    ],
)
def test_stem(word, stemmed):
    assert stem(word) == stemmed


FULL_POSTINGS = [
    # (posting, must, nice, years, education, certifications, languages)
    (
        """Backend Engineer (Go)

About us
We are a fintech start-up in Lisbon building payment rails for small businesses.

What you'll do
- Design and build services in Go and PostgreSQL
- Run them on Kubernetes with Terraform

Requirements
- 4+ years of professional experience in backend development
- Solid SQL and Docker
- BSc in Computer Science or equivalent experience

Nice to have
- Rust
- AWS Certified Solutions Architect
- Portuguese (spoken)
""",
        ["Go", "PostgreSQL", "Kubernetes", "Terraform", "SQL", "Docker"],
        ["Rust", "AWS Certified Solutions Architect"],
        4,
        "bachelor",
        ("AWS Certified Solutions Architect",),
        ("Portuguese",),
    ),
    (
        """<div><h1>Registered Nurse – Cardiology Ward</h1>
<p>Our 30-bed ward cares for patients after cardiac surgery.</p>
<h2>You bring</h2>
<ul><li>Current RN licence and BLS Certification</li>
<li>At least two years of patient care experience in an acute setting</li>
<li>Associate degree in nursing; a bachelor's degree is preferred</li></ul>
<h2>Bonus points</h2>
<ul><li>Spanish language skills</li><li>Experience with Excel rosters</li></ul></div>""",
        ["Registered nurse", "Patient care"],
        ["Spanish", "Microsoft Excel"],
        2,
        "associate",
        ("Registered nurse", "BLS Certification"),
        ("Spanish",),
    ),
    (
        """WELDER / FABRICATOR
Minimum 3 years' experience in structural welding. Forklift licence required.
High school diploma or GED. Ability to read blueprints.
Nice to have: Certified Welding Inspector.""",
        ["Welding", "Forklift operation"],
        [],
        3,
        "high school",
        ("Certified Welding Inspector",),
        (),
    ),
    (
        """Account Executive, Mid-Market
You will own a pipeline of mid-market accounts in Salesforce and negotiate
multi-year contracts. Excellent communication skills are essential.
Preferred qualifications: experience with SEO tools, Google Analytics.
Fluent English; a second language such as French or German is an advantage.""",
        ["Salesforce", "Communication"],
        ["Search engine optimisation", "Google Analytics"],
        None,
        "",
        (),
        ("English", "French", "German"),
    ),
    (
        """Junior Data Analyst
No degree required! We value curiosity.
Skills: SQL, Excel, Python (ideally), machine learning (a plus)""",
        ["SQL", "Microsoft Excel"],
        ["Python", "Machine learning"],
        None,
        "",
        (),
        (),
    ),
]


@pytest.mark.parametrize(
    ("posting", "must", "nice", "years", "education", "certifications", "languages"),
    FULL_POSTINGS,
)
def test_full_postings(
    posting, must, nice, years, education, certifications, languages
):
    analysis = analyse(posting)
    assert labels(analysis, "must") == must
    assert labels(analysis, "nice") == nice
    assert analysis.years_experience == years
    assert analysis.education == education
    assert analysis.certifications == certifications
    assert analysis.languages == languages
    assert [m.start for m in analysis.mentions] == sorted(
        m.start for m in analysis.mentions
    )
    for mention in analysis.mentions:
        assert analysis.text[mention.start : mention.end] == mention.text
        assert mention.requirement in ("must", "nice")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_analysed_or_refused_with_a_message(text):
    try:
        analysis = analyse(text)
    except PostingError as error:
        assert str(error)
        return
    for mention in analysis.mentions:
        assert analysis.text[mention.start : mention.end] == mention.text
        assert 0 < mention.score <= 1

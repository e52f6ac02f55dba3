"""Postings written for the tests (and the journey): a data analyst role, three employers."""

ANALYST_POSTINGS = [
    """Data Analyst — Northwind Retail

About the role
You will turn sales and supply data into decisions for our buying team.

Requirements
- 3+ years of experience writing SQL against large data sets
- Strong Python for analysis
- Dashboards in Tableau
- Clear communication with non-technical stakeholders
- Bachelor's degree in statistics, economics or a related field

Nice to have
- Experience with dbt
- A/B testing
""",
    """<h2>Analytics Specialist at Brightwave Energy</h2>
<p>Join a small team that forecasts demand for renewable energy.</p>
<h3>What you need</h3>
<ul><li>Excellent SQL</li><li>Python</li><li>Power BI or Tableau</li>
<li>Statistics and forecasting</li></ul>
<h3>Bonus points</h3>
<ul><li>Apache Airflow</li><li>Communication skills</li></ul>
""",
    """Junior Data Analyst, Harbor Health

Must have:
SQL, Microsoft Excel and data visualization. You write clearly and enjoy explaining results.

Preferred:
Python, Tableau. English fluency; Spanish is a plus.
""",
]

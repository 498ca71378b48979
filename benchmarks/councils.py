"""English local authorities with children's social care duties, and the words of their plans.

The names are real (the upper-tier councils of England); everything the generator says about
them is invented.
"""

from __future__ import annotations

LONDON = """Barking and Dagenham, Barnet, Bexley, Brent, Bromley, Camden, Croydon, Ealing,
Enfield, Greenwich, Hackney, Hammersmith and Fulham, Haringey, Harrow, Havering, Hillingdon,
Hounslow, Islington, Kensington and Chelsea, Kingston upon Thames, Lambeth, Lewisham, Merton,
Newham, Redbridge, Richmond upon Thames, Southwark, Sutton, Tower Hamlets, Waltham Forest,
Wandsworth, Westminster, City of London"""

METROPOLITAN = """Barnsley, Birmingham, Bolton, Bradford, Bury, Calderdale, Coventry, Doncaster,
Dudley, Gateshead, Kirklees, Knowsley, Leeds, Liverpool, Manchester, Newcastle upon Tyne,
North Tyneside, Oldham, Rochdale, Rotherham, St Helens, Salford, Sandwell, Sefton, Sheffield,
Solihull, South Tyneside, Stockport, Sunderland, Tameside, Trafford, Wakefield, Walsall, Wigan,
Wirral, Wolverhampton"""

COUNTIES = """Cambridgeshire, Derbyshire, Devon, East Sussex, Essex, Gloucestershire, Hampshire,
Hertfordshire, Kent, Lancashire, Leicestershire, Lincolnshire, Norfolk, Nottinghamshire,
Oxfordshire, Staffordshire, Suffolk, Surrey, Warwickshire, West Sussex, Worcestershire"""

UNITARIES = """Bath and North East Somerset, Bedford, Blackburn with Darwen, Blackpool,
Bournemouth Christchurch and Poole, Bracknell Forest, Brighton and Hove, Bristol,
Buckinghamshire, Central Bedfordshire, Cheshire East, Cheshire West and Chester, Cornwall,
Cumberland, Darlington, Derby, Dorset, Durham, East Riding of Yorkshire, Halton, Hartlepool,
Herefordshire, Isle of Wight, Isles of Scilly, Kingston upon Hull, Leicester, Luton, Medway,
Middlesbrough, Milton Keynes, North East Lincolnshire, North Lincolnshire, North
Northamptonshire, North Somerset, North Yorkshire, Northumberland, Nottingham, Peterborough,
Plymouth, Portsmouth, Reading, Redcar and Cleveland, Rutland, Shropshire, Slough, Somerset,
South Gloucestershire, Southampton, Southend-on-Sea, Stockton-on-Tees, Stoke-on-Trent, Swindon,
Telford and Wrekin, Thurrock, Torbay, Warrington, West Berkshire, West Northamptonshire,
Westmorland and Furness, Wiltshire, Windsor and Maidenhead, Wokingham, York"""


def _names(block: str) -> list[str]:
    return [" ".join(name.split()) for name in block.split(",")]


def councils() -> list[tuple[str, str]]:
    """(place, council name), London first, in a fixed order."""
    out = [(p, f"London Borough of {p}") for p in _names(LONDON) if p != "City of London"]
    out.append(("City of London", "City of London Corporation"))
    out += [(p, f"{p} Metropolitan Borough Council") for p in _names(METROPOLITAN)]
    out += [(p, f"{p} County Council") for p in _names(COUNTIES)]
    out += [(p, f"{p} Council") for p in _names(UNITARIES)]
    return out


THEMES = [
    ("recruitment", "Attract and recruit permanent, experienced social workers"),
    ("retention", "Retain our staff: a place where social workers want to stay"),
    ("development", "Develop our workforce through learning, progression and supervision"),
    ("agency", "Reduce our reliance on agency social workers"),
    ("wellbeing", "Support staff wellbeing and keep caseloads manageable"),
    ("leadership", "Strengthen leadership and management at every level"),
    ("grow-our-own", "Grow our own: apprenticeships, Step Up to Social Work and Frontline"),
    ("practice", "Embed our practice model and a learning culture"),
]

ACTIONS = [
    "Run a targeted recruitment campaign for experienced social workers",
    "Review the recruitment and retention payments for hard-to-fill posts",
    "Refresh the careers website and social media presence",
    "Attend national and regional social work job fairs",
    "Introduce a relocation package for social workers moving to the area",
    "Agree a regional memorandum of understanding on agency pay rates",
    "Convert long-standing agency workers to permanent contracts",
    "Offer exit interviews to every leaver and report the themes quarterly",
    "Introduce stay conversations for staff in their second year",
    "Develop a progression framework from newly qualified to advanced practitioner",
    "Deliver the Assessed and Supported Year in Employment programme",
    "Commission a leadership programme for team managers",
    "Introduce reflective group supervision in every locality team",
    "Review caseload weighting and publish caseload data monthly",
    "Launch a wellbeing offer with access to clinical supervision",
    "Recruit a cohort of social work apprentices",
    "Host Step Up to Social Work and Frontline students",
    "Expand practice educator capacity",
    "Review the flexible working policy for frontline staff",
    "Improve the induction programme for new starters",
    "Establish a workforce board chaired by the Director",
    "Embed the practice model through whole-service training",
    "Introduce a principal social worker forum for practitioners",
    "Review the job descriptions and grading of social work roles",
    "Develop a communication plan for the workforce strategy",
    "Provide laptops and mobile devices for agile working",
    "Reduce the time from advert to offer letter",
    "Create a bank of experienced locum staff employed by the council",
    "Offer post-qualifying training in specialist areas",
    "Run an annual staff survey and act on the results",
]

MILESTONES = [
    "Business case agreed by the leadership team",
    "Proposal approved by Cabinet",
    "Campaign launched",
    "First cohort in post",
    "Evaluation reported to the workforce board",
    "Policy published on the intranet",
    "Pilot completed in two teams",
    "Rolled out to all locality teams",
    "Six-month review completed",
    "Report to Corporate Parenting Board",
    "Training delivered to all team managers",
    "Procurement completed",
    "Staff consultation closed",
    "Data dashboard live",
]

OWNERS = [
    "Director of Children's Services",
    "Assistant Director, Safeguarding and Care",
    "Head of Service, Children in Care",
    "Head of Service, Assessment and Intervention",
    "Principal Social Worker",
    "HR Business Partner",
    "Workforce Development Manager",
    "Recruitment and Retention Lead",
    "Head of Learning and Development",
    "Service Manager, Quality Assurance",
    "Communications Team",
    "Finance Business Partner",
]

TEAMS = [
    "Assessment",
    "Children in Care",
    "Care Leavers",
    "Fostering",
    "Adoption",
    "Child Protection",
    "MASH",
    "Disabled Children",
    "Early Help",
    "Family Support",
    "Youth Justice",
    "Court Team",
    "IRO Service",
    "Edge of Care",
    "Out of Hours",
    "Quality Assurance",
]

REVISION_REASONS = [
    "Delayed by the front door restructure",
    "Budget moved to next financial year",
    "Project lead post filled late",
    "Paused during the Ofsted inspection",
    "Provider withdrew; re-procurement",
    "Regional agreement not yet signed",
    "Staff consultation extended",
]

MEASURES = [
    ("average-caseload", "Average caseload per social worker", "cases", "lower", 22.0, 17.0),
    ("time-to-appoint", "Average time to appoint, advert to offer", "weeks", "lower", 12.0, 8.0),
    ("turnover", "Social worker turnover in the last 12 months", "%", "lower", 19.0, 13.0),
    ("sickness", "Average working days lost to sickness per FTE", "days", "lower", 11.0, 8.0),
    ("supervision", "Supervisions held within timescale", "%", "higher", 72.0, 90.0),
    ("survey", "Staff who would recommend us as an employer", "%", "higher", 58.0, 75.0),
]

"""What a person's name looks like: first names by gender, name particles, the name rule.

First names are only a hint, so "he said" is not given to a woman named just before: an unknown
first name leaves the person compatible with any pronoun. ``people`` imports the particles and
``looks_like_person_name`` from here, so the extractor and the people table agree on both.
"""

import functools

# Lower-case words inside a surname: "Maria van den Heuvel-Smit", "Ali bin Saleh".
PARTICLES = frozenset("van von der den de del della da di dos das du la le bin ibn al el ter ten zu".split())
# Pronouns that can stand where a name does ("He said ..."): never a person's name.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who"})
MAX_NAME_WORDS = 6  # longer capitalised runs are titles of things, not names of people


def looks_like_person_name(name: str) -> bool:
    """'Helena Vasconcelos Brito', 'Maria van den Heuvel-Smit' yes; "Denmark's climate minister",
    'officials', 'He', 'NATO' no.

    Every word capitalised (name particles and hyphenated parts allowed), no possessive, 1-6 words.
    Guards the people table against descriptions an extractor could not resolve to a name.
    """
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or "'s" in name or "’s" in name:
        return False
    if all(w.lower() in PARTICLES for w in words):
        return False
    for word in words:
        if word.lower() in PARTICLES:
            continue
        if not word[:1].isupper() or (len(word) > 1 and word.isupper() and len(words) == 1):
            return False
    return not (len(words) == 1 and words[0].lower() in PRONOUNS)


MALE = frozenset(
    """
    aaron abdul abdullah adam adrian ahmed alan albert alberto aleksandr alex alexander alexei
    alexis ali alistair amir anders andre andrei andres andrew andrzej angus anthony antonio antony
    ashraf barack barry ben benjamin bernie bill billy bob bobby boris brad bradley brendan brian
    bruce bryan carl carlos chad charles charlie chris christopher chuck clarence claude colin conor
    craig dan daniel danny dave david dean dennis derek dick dmitry dmitri don donald doug douglas
    drew duncan dwight earl ed eddie edward elijah elon emmanuel enrique eric erik ernest evan
    fernando francis francisco frank franz fred frederick friedrich gary gavin george gerald gerhard
    giuseppe glenn gordon graham greg gregory guy hakeem hans harold harry hassan henry herbert
    howard hugh hunter ian igor isaac ivan jack jacob jake james jamie jared jason javier jay jean
    jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel johan john johnny jon jonathan
    jorge jose joseph josh joshua juan julian justin karl keir keith ken kenneth kevin kim kirk kurt
    kyle lars lloyd lawrence lee leo leon leonard lindsey luis lukas luke malcolm marco marcus mario
    mark martin matt matthew max michael michel miguel mike mikhail mitch mitt mohammed muhammad
    narendra nathan neil nicholas nick nicolas nigel noah olaf oliver omar oscar otto owen pablo
    patrick paul pedro pete peter philip phil pierre rahm ralph ramon randy ray raymond reince reza
    richard rick rob robert roberto rod rodrigo roger ron ronald ross roy rudy russell ryan salman
    sam samuel scott sean sebastian sergei sergey sergio shinzo simon stanley stefan stephen steve
    steven stuart ted terry thomas tim timothy tom tommy tony travis trey tucker tyler vadim viktor
    vince vincent vladimir volodymyr walter wayne wesley will william xi yair yuri zach zachary
    antonin arthur austin blake brett caleb cameron chase clint cody cole connor cory curtis dale
    damon darren derrick devin dominic dylan edgar edwin eli emilio ethan felix floyd franklin
    gabriel garrett gene gilbert grant hector herman homer hugo irving ivan jacques jamal jerry
    joaquin jordan julio kareem kent kwame lamar lance lorenzo lowell luca manuel marcel mateo
    mauricio milton mohamed moses nathaniel neal nelson norman orlando percy perry quentin rafael
    ramon raul reginald rex ricardo robin rodney roland rudolph rupert sanjay santiago seth shane
    shawn sidney spencer stan sylvester taylor theodore tobias todd trevor troy tyrone vernon victor
    wade warren wendell wilbur xavier yusuf zane
    """.split()
)

FEMALE = frozenset(
    """
    abigail ada adriana agnes alexandra alice alicia alison amanda amy ana andrea angela angelina
    ann anna annalena anne annie antonia barbara betsy betty beverly brenda bridget brittany carla
    carly carmen carol caroline carolyn catherine cathy charlotte chelsea cheryl chloe christina
    christine cindy claire clara claudia colleen cynthia dana daniela deborah debbie denise diana
    diane donna dora doris dorothy elaine eleanor elena elisabeth elizabeth ellen elsa emily emma
    erin eva evelyn fatima fiona frances gabriela gina giorgia gloria grace hannah heather heidi
    helen hillary holly ingrid irene isabel isabella jacqueline jane janet janice jean jeanne
    jennifer jessica jill jo joan joanna jodi joni josephine joy judith judy julia julie june karen
    kate katherine kathleen kathy katie kay kayleigh kelly kelsey kemi kimberly kirsten kristen
    kristi kristin loretta laura lauren leah linda lisa liz liza lori louise lucy lydia lynn
    madeleine maria marie marina marine marsha martha mary maxine megan melania melissa meryl
    michelle mia mira miriam molly monica nancy naomi natalia natalie nicola nicole nikki nina olga
    olivia pam pamela patricia paula penelope penny rachel rebecca regina rita roberta rosa rose
    ruth sally samantha sandra sara sarah sharon sheila shirley silvia sofia sonia sophia sophie
    stacey stephanie sue susan suzanne svetlana sylvia tamara tammy teresa theresa tiffany tina
    tracy ursula valerie vanessa victoria virginia wendy yulia yvonne zoe abby alana alexis allison
    amber anita annette april ariana arianna audrey autumn beatrice becky bernadette beth bianca
    bonnie brooke camila candace carrie cassandra cecilia celeste charlene christa cora courtney
    crystal daisy danielle darlene dawn delia destiny dolores edith elise ella eloise erica esther
    eve faith felicia florence gail genevieve georgia gwen hazel hope ida imani iris ivana jade
    janelle jasmine jenna jillian joanne jocelyn joyce juanita kamala karla katrina keisha kendra
    kristina lara latoya leila lena leslie lillian lily lorraine lucia mackenzie madison mandy
    marcia margaret margarita marilyn marissa maureen maya melanie melinda mildred minyon miranda
    myra nadia nell nora norma octavia opal paige patty peggy phyllis priscilla raquel renee rhonda
    robin rosalind rosemary roxanne sabrina sandy savannah selena serena shannon sherry simone stacy
    tara tasha terri thelma tonya trisha valeria vera veronica vivian wanda whitney yolanda yvette
    zelda
    """.split()
)


def is_common_first_name(word: str) -> bool:
    """A first name of the lists above: enough to take a run of capitalised words for a name.
    (The wider dictionary holds too many words that are also words: Will, Grant, Hope.)"""
    return word.lower().strip(".,") in MALE or word.lower().strip(".,") in FEMALE


def gender_of_first_name(name: str) -> str:
    """ "m", "f" or "" (unknown or used for both). The lists above decide first (they hold the names of
    public life the dictionary gets wrong or lacks); then gender-guesser's dictionary, where only a
    name it calls plainly male or female counts ("mostly_female", "andy" stay unknown)."""
    first = name.split()[0].lower().strip(".,") if name.split() else ""
    if "-" in first.strip("-"):
        # "Anna-Lena", "Marie-Claire", "Jean-Marc": a compound first name takes its first part's
        # gender; "Jean" alone is used for both, but opening a compound it is a man's
        head = first.strip("-").split("-")[0]
        return "m" if head == "jean" else gender_of_first_name(head)
    if first in MALE and first not in FEMALE:
        return "m"
    if first in FEMALE and first not in MALE:
        return "f"
    if first in MALE or not first.isalpha():
        return ""
    return _DICTIONARY_GENDER.get(_first_name_dictionary().get_gender(first), "")


_DICTIONARY_GENDER = {"male": "m", "female": "f"}


@functools.cache
def _first_name_dictionary():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)

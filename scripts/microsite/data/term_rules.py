"""Vocabulary for finding key terms: words that end a candidate phrase, and words too general
to be a term on their own. English prose in general; nothing from a particular article."""

from __future__ import annotations

# Function words, auxiliaries, common verbs and adverbs: a key-term candidate never contains
# one (the RAKE method: phrases are the runs of words between them).
BREAKS: frozenset[str] = frozenset("""
a about above across after again against all almost along already also although always am
among an and another any anyone anything are around as at away be became because become
becomes becoming been before behind being below beneath beside between beyond both but by
can cannot could did do does doing done down during each either else enough especially even
ever every everyone everything far few for from further get gets getting give given gives go
goes going got had has have having he her here hers herself him himself his how however i if
in including indeed instead into is it its itself just keep keeps least less let like likely
made make makes making many may maybe me might mine more most much must my myself near need
needs neither never no nobody none nor not nothing now of off often on once one ones only
onto or other others otherwise our ours ourselves out over own per perhaps quite rather
really same seem seems several shall she should since so some someone something sometimes
still such take takes taking than that the their theirs them themselves then there these
they this those though through throughout thus to together too toward towards under unless
until up upon us use used uses using very via was we well were what whatever when whenever
where whether which while who whole whom whose why will with within without would yet you
your yours yourself yourselves
able allow allows become call called came come comes consider considered create creates
creating feel feels feeling felt find finds found help helps helped involve involves
involved know known lead leads led look looks mean means offer offers play plays put said
say says see seen seem show shows tend tends think tell told try want wants way ways work
works important essential key crucial significant significantly truly deeply often rarely
particular particularly certain various new first second last next final early small big
large good great better best bad worse worst true real strong stronger further
temporary possible hard easy easier comfortable uncomfortable incredibly utmost
provide provides provided delve delves shape shapes emerge emerges guide guides develop
develops explore explores enhance enhances foster fosters form forms replicate replicates
prefer prefers originate originates avoid avoids accept accepts cultivate cultivates
recognize recognise recognizes struggle struggles pursue pursues transform transforms
perpetuate perpetuates welcome welcomed remember requires require suggest suggests
entail entails drive drives affect affects push pushes align aligns fulfil fulfill fulfills
zero two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
fifty sixty hundred hundreds thousand thousands million half quarter dozen couple
""".split())

# Nouns too general to stand alone as a key term (they may still be part of a longer one).
GENERAL: frozenset[str] = frozenset("""
article blog post page section part example examples fact facts idea ideas issue issues kind
kinds lot lots matter means number people person point points reason reasons result results
side sort step steps thing things time times type types use year years day days others one
aspect aspects factor factors level levels process role individual individuals case cases
thought thoughts importance impact challenge challenges change changes effort journey
benefit benefits love feeling feelings start end top bottom front back left right middle
minute minutes hour hours second seconds week weeks month months gram grams kilogram
kilograms litre litres liter liters metre metres meter meters degree degrees percent inch
inches foot feet mile miles
""".split())

# Word endings of adjectives ("emotional", "effective", "anxious"): a one-word key term is a
# noun, so a word with one of these endings does not stand alone (a few nouns, "journal",
# "perspective", are lost with them; they still count inside longer terms).
ADJECTIVE_ENDINGS: tuple[str, ...] = ("al", "ive", "ous", "ful", "ic", "able", "ible", "less")

SPREAD_MAX = 0.6
"""A one-word term found on more than this share of the pages is too general to be key
(unless a heading names it)."""

MAX_WORDS = 3
"""Longest key term, in words."""
TERMS_PER_PAGE = 3
"""How many terms a page may own."""
LINKS_PER_PAGE = 5
"""Most term links on one page (cross-links and glossary links together)."""

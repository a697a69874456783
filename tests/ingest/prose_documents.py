"""Made-up responses printed as prose, one per shape, with the decisions a careful reader takes
from their wording (see list_documents.py for the form)."""

from __future__ import annotations

from tests.ingest.list_documents import Shape, responded

RESPONSE_SHAPES = [
    Shape(
        "response_headed_recommendation_and_response",
        "# Government response to the made-up Committee report on canal towpaths\n\n"
        "Recommendation 1\n\nThe Department should resurface every towpath by 2030.\n\n"
        "Response\n\nThe Government accepts this recommendation and will fund it.\n\n"
        "Recommendation 2\n\nThe Department should light towpaths near towns.\n\n"
        "Response\n\nThe Government accepts this recommendation in part. Lighting harms bats.\n\n"
        "Recommendation 3\n\nThe Department should ban bicycles on towpaths.\n\n"
        "Response\n\nThe Government does not accept this recommendation.\n\n"
        "Recommendation 4\n\nThe Department should map every towpath.\n\n"
        "Response\n\nThe Government agrees in principle and will look at the cost.\n\n"
        "Recommendation 5\n\nThe Department should report on towpath use each year.\n\n"
        "Response\n\nThe Government notes this recommendation.\n",
        [
            responded("1", "The Department", "resurface every towpath by 2030.", "agreed"),
            responded("2", "The Department", "light towpaths near towns.", "partly_agreed"),
            responded("3", "The Department", "ban bicycles on towpaths.", "not_agreed"),
            responded("4", "The Department", "map every towpath.", "partly_agreed"),
            responded("5", "The Department", "report on towpath use each year.", None),
        ],
        kind="action_plan",
    ),
    Shape(
        "response_after_the_recommendation_text",
        "# The Ministry's response to the made-up review of harbour pilots\n\n"
        "We recommend that the Harbour Authority should publish pilot rotas.\n\n"
        "The Ministry accepts this recommendation. Rotas will be online by spring.\n\n"
        "We recommend that the Harbour Authority should double night cover.\n\n"
        "The Ministry rejects this recommendation, as night traffic is light.\n",
        [
            responded("1", "the Harbour Authority", "publish pilot rotas.", "agreed"),
            responded("2", "the Harbour Authority", "double night cover.", "not_agreed"),
        ],
        kind="action_plan",
    ),
    Shape(
        "response_to_numbered_conclusions",
        "# Government response to the made-up Committee on city farms\n\n"
        "1. City farms should open at weekends. (Paragraph 12)\n\n"
        "The Government agrees. Funding will follow.\n\n"
        "2. The Farms Office should recruit more volunteers. (Paragraph 20)\n\n"
        "The Government partially accepts this recommendation. Recruitment is local.\n",
        [
            responded("1", "City farms", "open at weekends.", "agreed", ["12"]),
            responded("2", "The Farms Office", "recruit more volunteers.", "partly_agreed", ["20"]),
        ],
        kind="action_plan",
    ),
    Shape(
        "response_labelled_in_bold_with_decision_words",
        "Service response to the made-up inspection of archives\n\n"
        "**Recommendation 1: The Archive Service should digitise its catalogue.**\n\n"
        "Response: Accepted. The catalogue will be online in 2027.\n\n"
        "**Recommendation 2: The Archive Service should open on Saturdays.**\n\n"
        "Response: Not accepted. Staffing does not allow this.\n\n"
        "**Recommendation 3: The Archive Service should charge for copies.**\n\n"
        "Response: Partially accepted. Charges will apply to large orders only.\n",
        [
            responded("1", "The Archive Service", "digitise its catalogue.", "agreed"),
            responded("2", "The Archive Service", "open on Saturdays.", "not_agreed"),
            responded("3", "The Archive Service", "charge for copies.", "partly_agreed"),
        ],
        kind="action_plan",
    ),
    Shape(
        "response_opening_with_we",
        "Government Response to the made-up Select Committee report: Ferries\n\nIntroduction\n\n"
        "The Government welcomes the Committee's report.\n\n"
        "Recommendation 1: The Government should fund new ferries.\n\n"
        "The Government agrees with this recommendation. Funding was announced in spring.\n\n"
        "Recommendation 2: The Government should set up a ferry regulator.\n\n"
        "We do not accept this recommendation. Existing regulators cover ferries.\n",
        [
            responded("1", "The Government", "fund new ferries.", "agreed"),
            responded("2", "The Government", "set up a ferry regulator.", "not_agreed"),
        ],
        kind="action_plan",
    ),
    Shape(
        "response_holding_its_own_numbered_list",
        "Government response to the made-up Committee on bridges\n\n"
        "1. The Department should inspect every footbridge each year. (Paragraph 14)\n\n"
        "The Government accepts this recommendation. We will:\n\n"
        "1. publish an inspection schedule;\n2. fund extra inspectors.\n\n"
        "2. Councils should report bridge closures within a week. (Paragraph 22)\n\n"
        "The Government does not accept this recommendation.\n",
        [
            responded(
                "1", "The Department", "inspect every footbridge each year.", "agreed", ["14"]
            ),
            responded(
                "2", "Councils", "report bridge closures within a week.", "not_agreed", ["22"]
            ),
        ],
        kind="action_plan",
    ),
    Shape(
        "response_heading_then_one_word_decision",
        "Response of the made-up Parks Department\n\nRecommendation 1 (Paragraph 3.2)\n\n"
        "Parks should open at dawn.\n\nGovernment response\n\n"
        "Agree. Gates will open at dawn from April.\n\nRecommendation 2 (Paragraph 4.1)\n\n"
        "Parks should close at dusk.\n\nGovernment response\n\nDisagree. Some parks are lit.\n",
        [
            responded("1", "Parks", "open at dawn.", "agreed", ["3.2"]),
            responded("2", "Parks", "close at dusk.", "not_agreed", ["4.1"]),
        ],
        kind="action_plan",
    ),
    Shape(
        "response_to_recommendations_with_no_addressee",
        "Our response to the inspection of made-up kennels\n\n"
        "Recommendation 1: Improve the exercise yard.\n\n"
        "Response: Agreed. Work starts in May.\n\n"
        "Recommendation 2: Review staffing at weekends.\n\n"
        "Response: Partly agreed. We will review Sundays only.\n",
        [
            responded("1", None, "Improve the exercise yard.", "agreed"),
            responded("2", None, "Review staffing at weekends.", "partly_agreed"),
        ],
        kind="action_plan",
    ),
]

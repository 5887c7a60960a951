package org.councilbot.core;

/**
 * The hand-set values of the learned understanding stage, in one place. Each is a floor on a
 * calibrated probability from the message classifier (calibrated on writers held out of training),
 * so 0.5 means "more likely than not" on text the model has never seen.
 *
 * @param actFloor          least probability of a kind (smalltalk, a person, not a council matter,
 *                          a report) for the bot to act on it rather than look for an answer
 * @param safeguardingFloor least probability of a risk of harm to raise a concern; lower than
 *                          {@code actFloor}, because a missed risk is the worst error there is
 */
public record UnderstandingTuning(double actFloor, double safeguardingFloor) {
    public UnderstandingTuning {
        check("understanding.act-floor", actFloor);
        check("understanding.safeguarding-floor", safeguardingFloor);
        if (safeguardingFloor > actFloor) {
            throw new CouncilbotException("invalid_configuration", "understanding.safeguarding-floor (" + safeguardingFloor
                    + ") must not be above understanding.act-floor (" + actFloor + "): a risk must never need more "
                    + "certainty than smalltalk");
        }
    }

    public static UnderstandingTuning defaults() {
        return new UnderstandingTuning(0.5, 0.5);
    }

    private static void check(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new CouncilbotException("invalid_configuration", name + " must be within (0, 1], was " + value);
        }
    }
}

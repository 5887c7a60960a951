package org.councilbot.index.understanding;

import java.util.Locale;
import org.councilbot.core.CouncilbotException;

/**
 * How the message classifier is trained: the one tuning record of the learned understanding stage.
 *
 * @param embeddingModel name of the sentence model behind the features (part of the cache key)
 * @param words          whether words and word pairs are features besides the embedding
 * @param epochs         passes of stochastic gradient descent over the corpus
 * @param learningRate   AdaGrad's initial learning rate
 * @param seed           the trainer's random seed: training is deterministic
 */
public record ClassifierSettings(String embeddingModel, boolean words, int epochs, double learningRate, long seed) {
    public ClassifierSettings {
        if (embeddingModel == null || embeddingModel.isBlank()) {
            throw new CouncilbotException("invalid_configuration", "classifier embedding-model must be named");
        }
        if (epochs < 1 || epochs > 500) {
            throw new CouncilbotException("invalid_configuration", "classifier epochs must be within 1..500, was " + epochs);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new CouncilbotException("invalid_configuration",
                    "classifier learning-rate must be within (0, 10], was " + learningRate);
        }
    }

    public static ClassifierSettings defaults() {
        return new ClassifierSettings("all-minilm-l6-v2", true, 25, 0.5, 20261208L);
    }

    ClassifierSettings withWords(boolean withWords) {
        return new ClassifierSettings(embeddingModel, withWords, epochs, learningRate, seed);
    }

    /** Everything that changes the trained model, for the cache key. */
    String key() {
        return String.format(Locale.ROOT, "v1|%s|%s|%d|%s|%d", embeddingModel, words, epochs, learningRate, seed);
    }
}

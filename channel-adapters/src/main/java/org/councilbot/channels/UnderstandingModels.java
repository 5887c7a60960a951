package org.councilbot.channels;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.councilbot.core.MessageClassifier;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.ServiceLink;
import org.councilbot.core.ServiceLinks;
import org.councilbot.core.TextEmbedder;
import org.councilbot.index.understanding.CatalogueLinker;
import org.councilbot.index.understanding.ClassifierSettings;
import org.councilbot.index.understanding.ServiceTaxonomy;
import org.councilbot.index.understanding.TrainingCorpus;
import org.councilbot.index.understanding.TribuoMessageClassifier;

/**
 * The learned parts of understanding: the message classifier (trained from the shipped corpus on
 * first start, then loaded from {@code modelsDir}) and the built-in taxonomy the catalogue is
 * linked to. The server and the evaluations both load it here, so both run the same models.
 */
public final class UnderstandingModels {
    private static final System.Logger LOG = System.getLogger(UnderstandingModels.class.getName());

    private final TribuoMessageClassifier classifier;
    private final ServiceTaxonomy taxonomy;

    private UnderstandingModels(TribuoMessageClassifier classifier, ServiceTaxonomy taxonomy) {
        this.classifier = classifier;
        this.taxonomy = taxonomy;
    }

    public static UnderstandingModels load(Path modelsDir, TextEmbedder model) {
        TrainingCorpus corpus = TrainingCorpus.builtIn();
        TribuoMessageClassifier classifier = TribuoMessageClassifier.trainedOrCached(corpus, model,
                ClassifierSettings.defaults(), modelsDir);
        LOG.log(System.Logger.Level.INFO, "message classifier: " + corpus + "; " + classifier.report().describe());
        return new UnderstandingModels(classifier, ServiceTaxonomy.builtIn());
    }

    public MessageClassifier classifier() {
        return classifier;
    }

    /** Links the catalogue's services to the taxonomy, logging each link for the council's IT team. */
    public ServiceLinks link(List<ServiceDefinition> services, Map<String, String> pins) {
        ServiceLinks links = new CatalogueLinker(taxonomy, classifier).link(services, pins);
        for (ServiceLink link : links.links()) {
            LOG.log(System.Logger.Level.INFO, "catalogue link: " + link.describe());
        }
        return links;
    }
}

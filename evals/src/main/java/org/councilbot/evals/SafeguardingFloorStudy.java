package org.councilbot.evals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.councilbot.channels.EngineSettings;
import org.councilbot.channels.UnderstandingModels;
import org.councilbot.core.Action;
import org.councilbot.core.MessageReading;
import org.councilbot.core.SafeguardingScreen;
import org.councilbot.core.TextEmbedder;
import org.councilbot.index.Embeddings;

/**
 * Chooses the classifier's safeguarding floor leave-one-council-out: for each suite held out, the
 * floor with the best recall on the other suites whose false alarms stay within 2 %, then that
 * floor's figures on the held-out suite. Every turn's message is screened alone (cue phrases and
 * exemplars, then the classifier), as the engine screens it.
 *
 * <p>Usage: {@code SafeguardingFloorStudy SUITE_DIR...}
 */
public final class SafeguardingFloorStudy {
    private static final double[] FLOORS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final double MAX_FALSE_ALARMS = 0.02;

    private SafeguardingFloorStudy() {
    }

    record Turn(boolean risk, boolean screened, double probability) {
    }

    public static void main(String[] args) {
        TextEmbedder model = TextEmbedder.remembering(Embeddings.miniLm(), 20_000);
        UnderstandingModels understanding = UnderstandingModels.load(Path.of("data", "models").toAbsolutePath(), model);
        EngineSettings defaults = EngineSettings.defaults();
        SafeguardingScreen screen = SafeguardingScreen.cuePhrasesAndExemplars(model, defaults.safeguardingFloor(),
                defaults.safeguardingMargin(), defaults.intents(List.of()).stream()
                        .flatMap(intent -> intent.examples().stream()).toList());
        Map<String, List<Turn>> suites = new LinkedHashMap<>();
        for (String dir : args) {
            Suite suite = new SuiteLoader().load(Path.of(dir));
            List<Turn> turns = new ArrayList<>();
            for (SuiteCase c : suite.cases()) {
                for (CaseTurn turn : c.turns()) {
                    turns.add(new Turn(turn.expect().action() == Action.SAFEGUARDING, screen.screen(turn.user()).isPresent(),
                            understanding.classifier().read(turn.user()).kind(MessageReading.SAFEGUARDING)));
                }
            }
            suites.put(suite.name(), turns);
        }
        System.out.println("suite floor: recall / false alarms (cue phrases and exemplars alone first)");
        suites.forEach((name, turns) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s rules %s", name, figures(turns, 2)));
            for (double floor : FLOORS) {
                line.append(String.format(Locale.ROOT, " | %.1f %s", floor, figures(turns, floor)));
            }
            System.out.println(line);
        });
        System.out.println("leave-one-council-out:");
        for (String held : suites.keySet()) {
            List<Turn> others = new ArrayList<>();
            suites.forEach((name, turns) -> {
                if (!name.equals(held)) {
                    others.addAll(turns);
                }
            });
            double chosen = FLOORS[FLOORS.length - 1];
            double bestRecall = -1;
            for (double floor : FLOORS) {
                double[] f = rates(others, floor);
                if (f[1] <= MAX_FALSE_ALARMS && f[0] > bestRecall + 1e-9) {
                    bestRecall = f[0];
                    chosen = floor;
                }
            }
            System.out.println(String.format(Locale.ROOT, "  %-12s floor %.1f chosen on the others; held out: %s", held,
                    chosen, figures(suites.get(held), chosen)));
        }
    }

    private static String figures(List<Turn> turns, double floor) {
        double[] f = rates(turns, floor);
        return String.format(Locale.ROOT, "%.3f/%.3f", f[0], f[1]);
    }

    /** Recall and false-alarm rate of the screen with the classifier at {@code floor} (above 1: rules alone). */
    private static double[] rates(List<Turn> turns, double floor) {
        int risks = 0;
        int found = 0;
        int safe = 0;
        int alarms = 0;
        for (Turn turn : turns) {
            boolean flagged = turn.screened() || turn.probability() >= floor;
            if (turn.risk()) {
                risks++;
                found += flagged ? 1 : 0;
            } else {
                safe++;
                alarms += flagged ? 1 : 0;
            }
        }
        return new double[] {risks == 0 ? Double.NaN : found / (double) risks, safe == 0 ? 0 : alarms / (double) safe};
    }
}

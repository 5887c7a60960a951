package org.councilbot.evals;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * A horizontal bar chart as inline SVG: one row of bars per group, one bar per series, so that
 * retrievers or percentiles sit side by side. No script, no external font: the report must open
 * from a file or an e-mail attachment.
 */
final class SvgBars {
    private static final String[] COLOURS = {"#1d70b8", "#f47738", "#00703c", "#912b88", "#d4351c", "#505a5f"};
    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 190;
    private static final int PLOT_WIDTH = 420;
    private static final int BAR_HEIGHT = 16;
    private static final int GROUP_GAP = 10;
    private static final int LEGEND_HEIGHT = 24;

    /** One row: a label and one value per series (empty for "no cases"). */
    record Group(String label, List<OptionalDouble> values) {
        Group {
            Objects.requireNonNull(label, "label");
            values = List.copyOf(values);
        }
    }

    private SvgBars() {
    }

    /**
     * @param title  read by screen readers
     * @param series names of the bars within a group; a legend is drawn when there are several
     * @param groups rows, each with one value per series
     * @param max    the value that fills the plot width; values above it are drawn full width
     * @param format how values are labelled
     */
    static String chart(String title, List<String> series, List<Group> groups, double max,
                        DoubleFunction<String> format) {
        for (Group group : groups) {
            if (group.values().size() != series.size()) {
                throw new IllegalArgumentException("group " + group.label() + " has " + group.values().size()
                        + " values for " + series.size() + " series");
            }
        }
        double scale = max > 0 ? max : 1;
        int legend = series.size() > 1 ? LEGEND_HEIGHT : 0;
        int groupHeight = series.size() * BAR_HEIGHT + GROUP_GAP;
        int height = legend + groups.size() * groupHeight + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" aria-label=\"").append(Html.escape(title)).append("\">");
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        if (legend > 0) {
            int x = LABEL_WIDTH;
            for (int s = 0; s < series.size(); s++) {
                svg.append(rect(x, 6, 12, 12, colour(s)));
                svg.append(text(x + 16, 16, "start", series.get(s)));
                x += 24 + 8 * series.get(s).length();
            }
        }
        int y = legend;
        for (Group group : groups) {
            int middle = y + series.size() * BAR_HEIGHT / 2 + 4;
            svg.append(text(LABEL_WIDTH - 8, middle, "end", Fmt.clip(group.label(), 28)));
            for (int s = 0; s < series.size(); s++) {
                int barY = y + s * BAR_HEIGHT;
                OptionalDouble value = group.values().get(s);
                if (value.isEmpty()) {
                    svg.append(text(LABEL_WIDTH + 4, barY + 12, "start", Fmt.NONE));
                    continue;
                }
                double v = value.getAsDouble();
                int width = (int) Math.round(Math.min(Math.max(v, 0), scale) / scale * PLOT_WIDTH);
                svg.append(rect(LABEL_WIDTH, barY + 1, Math.max(width, 1), BAR_HEIGHT - 2, colour(s)));
                svg.append(text(LABEL_WIDTH + width + 6, barY + 12, "start", format.apply(v)));
            }
            y += groupHeight;
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String colour(int series) {
        return COLOURS[series % COLOURS.length];
    }

    private static String rect(int x, int y, int width, int height, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                x, y, width, height, fill);
    }

    private static String text(int x, int y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>",
                x, y, anchor, Html.escape(content));
    }
}

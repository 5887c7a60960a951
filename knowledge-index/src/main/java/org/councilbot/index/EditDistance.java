package org.councilbot.index;

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost one, as Lucene's fuzzy matching with transpositions counts them.
 */
final class EditDistance {
    private EditDistance() {
    }

    static int between(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length][y.length];
    }

    /** Whether one dropped, added or swapped neighbouring letter turns one text into the other. */
    static boolean isOneSlip(String a, String b) {
        if (a.length() == b.length()) {
            int first = 0;
            while (first < a.length() && a.charAt(first) == b.charAt(first)) {
                first++;
            }
            return first < a.length() - 1 && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first)
                    && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (longer.length() - shorter.length() != 1) {
            return false;
        }
        int first = 0;
        while (first < shorter.length() && longer.charAt(first) == shorter.charAt(first)) {
            first++;
        }
        return longer.substring(first + 1).equals(shorter.substring(first));
    }
}

package org.councilbot.core;

/**
 * A piece of a passage that an extractive answer can quote whole: a sentence, a list item or a
 * table row (already rendered as text), with the line that introduces it, if any, and the heading
 * of the section it sits in, and the page's title and the headings between (which help choose it but
 * are not quoted), and whether its author set part of it in bold.
 */
record AnswerUnit(int position, String text, String context, String heading, String title, String subsections,
                  boolean emphasised) {
    AnswerUnit(int position, String text, String context) {
        this(position, text, context, "", "", "", false);
    }
}

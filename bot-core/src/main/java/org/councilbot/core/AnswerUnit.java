package org.councilbot.core;

/**
 * A piece of a passage that an extractive answer can quote whole: a sentence, a list item or a
 * table row (already rendered as text), with the line that introduces it, if any, and the heading
 * of the section it sits in (which helps choose it but is not quoted).
 */
record AnswerUnit(int position, String text, String context, String heading) {
    AnswerUnit(int position, String text, String context) {
        this(position, text, context, "");
    }
}

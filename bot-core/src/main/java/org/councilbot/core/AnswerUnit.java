package org.councilbot.core;

/**
 * A piece of a passage that an extractive answer can quote whole: a sentence, a list item or a
 * table row (already rendered as text), with the line that introduces it, if any.
 */
record AnswerUnit(int position, String text, String context) {
}

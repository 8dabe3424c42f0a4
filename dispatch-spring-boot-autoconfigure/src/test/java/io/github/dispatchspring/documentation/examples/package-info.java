/**
 * The README's Java examples after its first application, line by line as the README gives them,
 * with what they leave out around them, so that they compile with the tests.
 */
package io.github.dispatchspring.documentation.examples;

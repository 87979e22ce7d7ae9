/**
 * Small programs that show the RoleMatch API the way a user embeds it; each is run by a test so
 * that it cannot rot. Start with {@link org.rolematch.examples.QuickStart}.
 */
package org.rolematch.examples;

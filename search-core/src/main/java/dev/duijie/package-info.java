/** Duijie's entry point: {@link dev.duijie.Duijie}. */
package dev.duijie;

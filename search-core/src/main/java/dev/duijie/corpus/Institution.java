package dev.duijie.corpus;

/** A university or research institute (高校院所); {@code type} and {@code city} may be {@code null}. */
public record Institution(String id, String name, String type, String city) {
}

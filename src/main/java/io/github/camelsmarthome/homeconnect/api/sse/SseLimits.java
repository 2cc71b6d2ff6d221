package io.github.camelsmarthome.homeconnect.api.sse;

/**
 * Upper bounds that keep a hostile or broken stream from growing memory without limit.
 *
 * <p>A real Home Connect event is a few kilobytes; the defaults leave a wide margin while still
 * capping what ten thousand concurrent streams can hold.
 *
 * @param maxLineBytes longest line (without its line ending) the parser buffers, in bytes
 * @param maxEventBytes most {@code data} bytes one event may accumulate, in bytes
 */
public record SseLimits(int maxLineBytes, int maxEventBytes) {

    /** One mebibyte for a line and for an event. */
    public static final SseLimits DEFAULT = new SseLimits(1 << 20, 1 << 20);

    /** Rejects bounds that would make every line or event an error. */
    public SseLimits {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("maxEventBytes must be positive: " + maxEventBytes);
        }
    }
}

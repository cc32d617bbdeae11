package dev.duijie.reindex;

/** Where a reindex reports its phases; the command line renders it as a progress line or periodic log lines. */
public interface Progress {
    /** A phase starts; {@code total} items, or 0 when unknown. */
    void phase(String name, long total);

    /** {@code done} items of the current phase are finished. */
    void progress(long done);

    /** Silent. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total) {
        }

        @Override
        public void progress(long done) {
        }
    };
}

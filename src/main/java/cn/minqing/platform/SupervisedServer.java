package cn.minqing.platform;

/** A server the app started itself and therefore has to bring back when it dies (see {@link ServerWatchdog}). */
interface SupervisedServer extends AutoCloseable {

    /** What the logs and the health details call it, e.g. "Elasticsearch at http://127.0.0.1:9200". */
    String name();

    /** True while the server's process lives; cheap, called every few seconds. */
    boolean isRunning();

    /** Stops what is left of the server and starts it again on the same data; throws when it does not come up. */
    void restart();

    @Override
    void close();
}

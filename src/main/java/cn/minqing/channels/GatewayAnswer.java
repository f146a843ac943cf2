package cn.minqing.channels;

/** What a gateway said to one try: taken, worth trying again (5xx, timeout, throttled), or refused for good. */
record GatewayAnswer(Kind kind, String detail) {

    enum Kind { ACCEPTED, RETRY, REFUSED }

    static GatewayAnswer accepted(String detail) {
        return new GatewayAnswer(Kind.ACCEPTED, detail);
    }

    static GatewayAnswer retry(String detail) {
        return new GatewayAnswer(Kind.RETRY, detail);
    }

    static GatewayAnswer refused(String detail) {
        return new GatewayAnswer(Kind.REFUSED, detail);
    }

    /** By HTTP status: 2xx taken; 408, 429 and 5xx again later; any other 4xx refused. */
    static GatewayAnswer ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return accepted("HTTP " + status);
        }
        return status == 408 || status == 429 || status >= 500 ? retry("HTTP " + status) : refused("HTTP " + status);
    }
}

package cn.minqing.channels;

/** Hands one text to an SMS gateway. */
interface SmsGateway {

    GatewayAnswer send(Outgoing text);
}

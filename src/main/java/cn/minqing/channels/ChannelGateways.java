package cn.minqing.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The gateways as configured: SMS when MINQING_SMS_URL is set (the generic adapter, or the provider named by
 * MINQING_SMS_PROVIDER), WeChat when MINQING_WECHAT_APP_ID and _APP_SECRET are. Nothing set: in the app only.
 */
@Component
class ChannelGateways {

    private final SmsGateway sms;
    private final WechatApi wechat;
    private final String smsSecret;

    ChannelGateways(@Value("${minqing.sms.url:}") String smsUrl, @Value("${minqing.sms.secret:}") String smsSecret,
                    @Value("${minqing.sms.provider:generic}") String provider,
                    @Value("${minqing.sms.access-key-id:}") String accessKeyId,
                    @Value("${minqing.sms.sign-name:民情}") String signName,
                    @Value("${minqing.sms.timeout:10s}") Duration timeout,
                    @Value("${minqing.wechat.app-id:}") String appId, @Value("${minqing.wechat.app-secret:}") String appSecret,
                    @Value("${minqing.wechat.api-base:https://api.weixin.qq.com}") String apiBase,
                    ObjectMapper json, Clock clock) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.smsSecret = smsSecret;
        this.sms = smsUrl.isBlank() ? null : switch (provider.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "aliyun" -> new CloudSmsGateway(http, URI.create(smsUrl), accessKeyId, smsSecret, signName, timeout, json, clock);
            case "generic", "" -> new GenericSmsGateway(http, URI.create(smsUrl), smsSecret, timeout, json);
            default -> throw new IllegalStateException("MINQING_SMS_PROVIDER must be generic or aliyun, not " + provider);
        };
        this.wechat = appId.isBlank() || appSecret.isBlank() ? null
                : new WechatApi(http, URI.create(apiBase.replaceAll("/+$", "")), appId, appSecret, timeout, json);
    }

    /** Which channels can be sent: the gateways an instance has set up, or those a filing had (an owed message). */
    record Configured(boolean sms, boolean wechat) {

        boolean any() {
            return sms || wechat;
        }
    }

    /** The channels this instance has gateways for. */
    Configured configured() {
        return new Configured(smsConfigured(), wechatConfigured());
    }

    boolean smsConfigured() {
        return sms != null;
    }

    boolean wechatConfigured() {
        return wechat != null;
    }

    Optional<SmsGateway> sms() {
        return Optional.ofNullable(sms);
    }

    Optional<WechatApi> wechat() {
        return Optional.ofNullable(wechat);
    }

    /** The secret the gateway signs its callbacks with (MINQING_SMS_SECRET). */
    String callbackSecret() {
        return smsSecret;
    }
}

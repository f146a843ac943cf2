package cn.minqing.channels;

import java.time.LocalTime;

/**
 * The channels one person is told on: in the app, by SMS, by WeChat; and the quiet hours (county time) in which
 * texts wait. The body of {@code GET/PUT /api/me/channels}.
 */
public record ChannelChoice(Boolean inApp, Boolean sms, Boolean wechat, QuietHours quietHours) {

    /** From {@code from} until {@code to}, across midnight when {@code to} is earlier ("22:00"–"07:00"). */
    public record QuietHours(String from, String to) {
    }

    static final ChannelChoice APP_ONLY = new ChannelChoice(true, false, false, null);

    /** Whether {@code time} (county time) falls in the quiet hours. */
    boolean isQuiet(LocalTime time) {
        if (quietHours == null) {
            return false;
        }
        LocalTime from = LocalTime.parse(quietHours.from());
        LocalTime to = LocalTime.parse(quietHours.to());
        return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
    }

    /** When the quiet hours that hold at {@code time} end. */
    LocalTime quietUntil() {
        return LocalTime.parse(quietHours.to());
    }
}

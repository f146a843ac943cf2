package cn.minqing.notify;

import cn.minqing.people.Principal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page's header shows the unread count. {@code @RestController} is a {@code @Controller} too, so this advice
 * also runs for the API, which renders no header: there it reads nothing (it cost every API request a query).
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadCount {

    private final Notifications notifications;

    UnreadCount(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unread")
    Long unread(@AuthenticationPrincipal Principal me, jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI();
        if (me == null || path.startsWith("/api/") || path.startsWith("/open311/")) {
            return null;
        }
        return notifications.unread(me.getUsername());
    }
}

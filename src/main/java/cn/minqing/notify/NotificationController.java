package cn.minqing.notify;

import cn.minqing.people.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The caller's notifications: the API, and the page that shows and then marks them read. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    @ResponseBody
    List<Notification> list(@AuthenticationPrincipal Principal me, @RequestParam(defaultValue = "false") boolean unread) {
        return notifications.of(me.getUsername(), unread, 100);
    }

    @GetMapping("/api/notifications/count")
    @ResponseBody
    Map<String, Long> count(@AuthenticationPrincipal Principal me) {
        return Map.of("unread", notifications.unread(me.getUsername()));
    }

    @PostMapping("/api/notifications/read")
    @ResponseBody
    Map<String, Integer> read(@AuthenticationPrincipal Principal me) {
        return Map.of("marked", notifications.markRead(me.getUsername()));
    }

    @GetMapping("/notifications")
    String page(@AuthenticationPrincipal Principal me, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("notifications", notifications.of(me.getUsername(), false, 50));
        notifications.markRead(me.getUsername());
        return "notifications";
    }
}

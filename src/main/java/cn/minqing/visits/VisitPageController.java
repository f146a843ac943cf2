package cn.minqing.visits;

import cn.minqing.cases.CaseClock;
import cn.minqing.county.Categories;
import cn.minqing.households.HouseholdFiles;
import cn.minqing.people.Principal;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The visitor's phone page: record a visit with its needs, a photo and a voice note; the page's script keeps a draft offline. */
@Controller
class VisitPageController {

    private final HouseholdFiles households;
    private final Categories categories;
    private final VisitRecording recording;
    private final ZoneId zone;

    VisitPageController(HouseholdFiles households, Categories categories, VisitRecording recording,
                        @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.households = households;
        this.categories = categories;
        this.recording = recording;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/visits/new")
    String form(@AuthenticationPrincipal Principal me, @RequestParam long household, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("household", households.visible(household, me.user()));
        model.addAttribute("categories", categories.all());
        model.addAttribute("now", CaseClock.now().atZoneSameInstant(zone).toLocalDateTime()
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        return "visits/new";
    }

    /** The form as the script sends it (multipart); answers as {@code POST /api/visits} does, in JSON. */
    @PostMapping("/visits")
    @ResponseBody
    ResponseEntity<VisitRecording.Recorded> record(@AuthenticationPrincipal Principal me, MultipartHttpServletRequest form,
                                                   @RequestParam(required = false) MultipartFile photo,
                                                   @RequestParam(required = false) MultipartFile voice) throws IOException {
        List<VisitRequest.Need> needs = new ArrayList<>();
        for (int i = 0; i < VisitRecording.MAX_NEEDS; i++) {
            String title = form.getParameter("needs[" + i + "].title");
            if (title != null && !title.isBlank()) {
                needs.add(new VisitRequest.Need(title, form.getParameter("needs[" + i + "].description"),
                        form.getParameter("needs[" + i + "].category"), "true".equals(form.getParameter("needs[" + i + "].anonymous")),
                        "true".equals(form.getParameter("needs[" + i + "].solvedOnSpot"))));
            }
        }
        VisitRequest r = new VisitRequest(number(form.getParameter("household")), time(form.getParameter("visitedAt")),
                form.getParameter("met"), form.getParameter("notes"), null, null, needs);
        List<VisitRecording.Upload> files = new ArrayList<>();
        for (MultipartFile f : new MultipartFile[] {photo, voice}) {
            if (f != null && !f.isEmpty()) {
                files.add(new VisitRecording.Upload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        VisitRecording.Recorded recorded = recording.record(r, me.user(), files);
        return ResponseEntity.status(HttpStatus.CREATED).body(recorded);
    }

    private java.time.OffsetDateTime time(String local) {
        try {
            return local == null || local.isBlank() ? null : LocalDateTime.parse(local).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new cn.minqing.platform.web.InvalidInputException("visitedAt", "request.parameter.invalid", "visitedAt");
        }
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

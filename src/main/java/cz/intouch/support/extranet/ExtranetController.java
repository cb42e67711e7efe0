package cz.intouch.support.extranet;

import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.release.ProgramVersion;
import cz.intouch.support.release.Release;
import cz.intouch.support.release.ReleaseRegister;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.TicketNumber;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The customers' extranet pages (Czech, server-rendered): account, releases with downloads, own tickets. */
@Controller
@RequestMapping("/extranet")
public class ExtranetController {

  private final ExtranetAccounts accounts;
  private final ReleaseRegister releases;
  private final CustomerTickets tickets;
  private final TicketIntake intake;
  private final LoginThrottle throttle;

  public ExtranetController(ExtranetAccounts accounts, ReleaseRegister releases, CustomerTickets tickets,
      TicketIntake intake, LoginThrottle throttle) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.releases = releases;
    this.tickets = tickets;
    this.intake = intake;
  }

  // --- account pages (anonymous) -----------------------------------------------------------------------------

  @GetMapping("/login")
  public String login(@RequestParam(required = false) String error, Model model) {
    model.addAttribute("error", error);
    model.addAttribute("lockoutMinutes", throttle.window().toMinutes());
    return "extranet/login";
  }

  @GetMapping("/set-password")
  public String setPasswordForm(@RequestParam(required = false) String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("tokenValid", accounts.tokenValid(token));
    model.addAttribute("minLength", ExtranetAccounts.MIN_PASSWORD_LENGTH);
    return "extranet/set-password";
  }

  @PostMapping("/set-password")
  public String setPassword(@RequestParam(required = false) String token, @RequestParam String password,
      @RequestParam String passwordAgain, Model model) {
    try {
      if (!password.equals(passwordAgain)) {
        throw new IllegalArgumentException("Zadaná hesla se neshodují.");
      }
      accounts.setPassword(token, password);
      return "redirect:/extranet/login?error=passwordSet";
    } catch (IllegalArgumentException e) {
      model.addAttribute("token", token);
      model.addAttribute("tokenValid", accounts.tokenValid(token));
      model.addAttribute("minLength", ExtranetAccounts.MIN_PASSWORD_LENGTH);
      model.addAttribute("problem", e.getMessage());
      return "extranet/set-password";
    }
  }

  @GetMapping("/reset")
  public String resetForm() {
    return "extranet/reset";
  }

  @PostMapping("/reset")
  public String reset(@RequestParam(defaultValue = "") String email, Model model) {
    accounts.requestReset(email);
    model.addAttribute("sent", true);
    return "extranet/reset";
  }

  // --- customer pages -----------------------------------------------------------------------------------------

  @GetMapping({"", "/"})
  public String home() {
    return "redirect:/extranet/releases";
  }

  @GetMapping("/releases")
  public String releases(@AuthenticationPrincipal ExtranetUser user, Model model) {
    model.addAttribute("user", user);
    model.addAttribute("releases", releases.published());
    return "extranet/releases";
  }

  /** Streams the installer from disk; only while the company's contract is valid (checked now, not at login). */
  @GetMapping("/releases/{version}/installer")
  public ResponseEntity<Resource> download(@AuthenticationPrincipal ExtranetUser user, @PathVariable String version) {
    if (!accounts.contractValidNow(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Smlouva o podpoře již neplatí.");
    }
    Release release = ProgramVersion.isValid(version)
        ? releases.find(ProgramVersion.parse(version)).filter(Release::published).orElse(null) : null;
    Path file = release == null ? null : releases.installer(release).orElse(null);
    if (file == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
        .body(new FileSystemResource(file));
  }

  @GetMapping("/tickets")
  public String tickets(@AuthenticationPrincipal ExtranetUser user, Model model) {
    model.addAttribute("user", user);
    model.addAttribute("tickets", tickets.of(user.ico()));
    return "extranet/tickets";
  }

  @GetMapping("/tickets/{ticketNumber:" + TicketNumber.REGEX + "}")
  public String ticket(@AuthenticationPrincipal ExtranetUser user, @PathVariable String ticketNumber, Model model) {
    CustomerTickets.TicketView ticket = tickets.find(user.ico(), ticketNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("user", user);
    model.addAttribute("ticket", ticket);
    model.addAttribute("messages", tickets.messages(ticketNumber));
    return "extranet/ticket";
  }

  @GetMapping("/tickets/new")
  public String newTicketForm(@AuthenticationPrincipal ExtranetUser user, Model model) {
    model.addAttribute("user", user);
    return "extranet/new-ticket";
  }

  @PostMapping("/tickets/new")
  public String newTicket(@AuthenticationPrincipal ExtranetUser user, @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String programVersion,
      Model model) {
    String problem = subject.isBlank() ? "Vyplňte prosím předmět požadavku."
        : body.isBlank() ? "Popište prosím svůj požadavek."
        : !ProgramVersion.isValid(programVersion) ? "Uveďte prosím verzi programu InTouch CRM, např. 5.3.2."
        : subject.length() > 1000 || body.length() > 100_000 ? "Požadavek je příliš dlouhý." : null;
    if (problem != null) {
      model.addAttribute("user", user);
      model.addAttribute("problem", problem);
      model.addAttribute("subject", subject);
      model.addAttribute("body", body);
      model.addAttribute("programVersion", programVersion);
      return "extranet/new-ticket";
    }
    Instant now = DeskTime.now();
    String ticketNumber = intake.open(new TicketIntake.NewRequest(Channel.WEB, now, subject.strip(), body.strip(),
        user.ico(), user.companyName(), user.fullName(), user.username(), programVersion.strip(), null, false, null));
    return "redirect:/extranet/tickets/" + ticketNumber;
  }
}

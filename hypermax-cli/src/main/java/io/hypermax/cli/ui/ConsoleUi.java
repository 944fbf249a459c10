package io.hypermax.cli.ui;

import io.hypermax.core.internal.concurrent.DaemonThreads;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.monitor.LiveUsage;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import io.hypermax.core.stability.API;

/**
 * The console UI on a real terminal (Lanterna, text terminal only: works over ssh and in tmux). A
 * daemon thread polls keys every 50 ms and redraws at most 4 times a second, at the terminal's
 * current size. The terminal is given back exactly once, whichever comes first: quitting, the end of
 * the search, a signal (shutdown hook), or a failure of the UI itself, after which the search goes on
 * with the plain progress lines of {@code fallback}. While the screen is up, standard error (warnings)
 * is captured into the status line so nothing scribbles over the screen.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ConsoleUi implements StudyListener {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleUi.class);

  /** Test hook: with this system property set, the key '!' makes the UI throw, to prove the search survives it. */
  static final String CRASH_PROPERTY = "hypermax.ui.crash-key";

  private final Study study;
  private final Path resultsDirectory;
  private final StudyListener fallback;
  private final PrintStream realErr = System.err;
  private final InputStream in;
  private final OutputStream out;
  private final ScreenModel model;
  private final Instant started = Instant.now();
  private final int doneAtStart;
  private final AtomicBoolean restored = new AtomicBoolean();
  private final Thread restoreHook = new Thread(this::restore, "hypermax-ui-restore");
  private volatile boolean active;
  private volatile boolean stopRequested;
  private volatile String exitNote;
  private Screen screen;
  private Thread loop;

  public ConsoleUi(Study study, Path resultsDirectory, StudyListener fallback, InputStream in, OutputStream out) {
    this.study = study;
    this.resultsDirectory = resultsDirectory;
    this.fallback = fallback;
    this.in = in;
    this.out = out;
    this.doneAtStart = study.snapshot().finishedCount();
    this.model = new ScreenModel(new Commands(study, resultsDirectory, this), LiveUsage::get);
  }

  /** Takes over the terminal; false (and nothing changed) when it cannot, e.g. no terminal after all. */
  public boolean start() {
    try {
      Terminal terminal =
          new DefaultTerminalFactory(out, in, StandardCharsets.UTF_8)
              .setForceTextTerminal(true)
              .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
              .createTerminal();
      screen = new TerminalScreen(terminal);
      Runtime.getRuntime().addShutdownHook(restoreHook);
      screen.startScreen();
      screen.setCursorPosition(null);
    } catch (IOException | RuntimeException e) {
      LOG.warn("the console UI cannot start ({}); showing progress lines", e.getMessage());
      restore();
      return false;
    }
    System.setErr(new PrintStream(new StatusLineStream(), true, StandardCharsets.UTF_8));
    active = true;
    loop = DaemonThreads.daemon(this::run, "hypermax-ui", Thread.NORM_PRIORITY);
    loop.start();
    return true;
  }

  /** Whether the user asked from the UI to stop the search. */
  public boolean stopRequested() {
    return stopRequested;
  }

  private void run() {
    long lastDraw = 0;
    TerminalSize size = screen.getTerminalSize();
    try {
      while (active) {
        boolean dirty = false;
        KeyStroke k;
        while (active && (k = screen.pollInput()) != null) {
          if (k.getKeyType() == KeyType.EOF) {
            throw new IOException("the terminal's input ended");
          }
          if (k.getKeyType() == KeyType.Character && k.isCtrlDown() && k.getCharacter() == 'c') {
            // Ctrl-C in raw mode arrives as a key: give the terminal back, then stop as SIGINT would.
            restore();
            Thread t = new Thread(() -> System.exit(130), "hypermax-ui-interrupt");
            t.start();
            return;
          }
          if (k.getKeyType() == KeyType.Character && k.getCharacter() == '!' && System.getProperty(CRASH_PROPERTY) != null) {
            throw new IllegalStateException("crash requested by the test hook " + CRASH_PROPERTY);
          }
          UiKey key = map(k);
          if (key != null) {
            model.key(key);
            dirty = true;
          }
        }
        if (!active) {
          break;
        }
        TerminalSize now = screen.doResizeIfNecessary();
        if (now != null) {
          size = now;
          dirty = true;
        }
        long t = System.nanoTime();
        if (dirty || t - lastDraw > 250_000_000L) {
          draw(size);
          lastDraw = t;
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      failed(e);
    }
  }

  private void draw(TerminalSize size) throws IOException {
    model.update(new ScreenModel.Data(
        study.snapshot(), study.guidance(), study.optimizerState(), started, doneAtStart, String.valueOf(resultsDirectory.getFileName())));
    List<String> lines = model.render(size.getColumns(), size.getRows());
    screen.clear();
    TextGraphics g = screen.newTextGraphics();
    for (int y = 0; y < lines.size(); y++) {
      String line = lines.get(y);
      boolean chrome = y == 0 || y == 1 || y == lines.size() - 1;
      boolean chosen = line.startsWith("> ");
      g.setForegroundColor(chrome || chosen ? TextColor.ANSI.BLACK : TextColor.ANSI.DEFAULT);
      g.setBackgroundColor(chrome ? TextColor.ANSI.CYAN : chosen ? TextColor.ANSI.WHITE : TextColor.ANSI.DEFAULT);
      g.putString(0, y, line);
    }
    // The first frame repaints everything (whatever the terminal showed before); later ones send only changes.
    screen.refresh(firstFrame ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    firstFrame = false;
  }

  private boolean firstFrame = true;

  private static UiKey map(KeyStroke k) {
    return switch (k.getKeyType()) {
      case Character -> UiKey.of(k.getCharacter());
      case Enter -> UiKey.of(UiKey.Kind.ENTER);
      case Escape -> UiKey.of(UiKey.Kind.ESCAPE);
      case ArrowUp -> UiKey.of(UiKey.Kind.UP);
      case ArrowDown -> UiKey.of(UiKey.Kind.DOWN);
      case ArrowLeft -> UiKey.of(UiKey.Kind.LEFT);
      case ArrowRight -> UiKey.of(UiKey.Kind.RIGHT);
      case PageUp -> UiKey.of(UiKey.Kind.PAGE_UP);
      case PageDown -> UiKey.of(UiKey.Kind.PAGE_DOWN);
      case Home -> UiKey.of(UiKey.Kind.HOME);
      case End -> UiKey.of(UiKey.Kind.END);
      case Tab -> UiKey.of(UiKey.Kind.TAB);
      case Backspace -> UiKey.of(UiKey.Kind.BACKSPACE);
      default -> null;
    };
  }

  private void failed(Throwable e) {
    restore();
    realErr.println("warning: the console UI failed (" + e + "); the search goes on with progress lines");
    realErr.flush();
  }

  /** Gives the terminal back (once): leaves the alternate screen, restores the tty modes and standard error. */
  public void restore() {
    if (!restored.compareAndSet(false, true)) {
      return;
    }
    active = false;
    System.setErr(realErr);
    if (screen != null) {
      try {
        screen.stopScreen();
      } catch (IOException | RuntimeException e) {
        realErr.println("warning: could not restore the terminal: " + e.getMessage() + " (run 'reset')");
      }
    }
    if (Thread.currentThread() != restoreHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(restoreHook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting; the hook restores nothing twice
      }
    }
    String note = exitNote;
    if (note != null) {
      realErr.println(note);
    }
  }

  /** The search ended: give the terminal back so the summary prints on a normal screen. */
  public void close() {
    restore();
    if (loop != null) {
      try {
        loop.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean showing() {
    return active && !restored.get();
  }

  @Override
  public void trialStarted(Trial trial, StudySnapshot snapshot) {
    if (!showing()) {
      fallback.trialStarted(trial, snapshot);
    }
  }

  @Override
  public void trialFinished(Trial trial, StudySnapshot snapshot) {
    if (!showing()) {
      fallback.trialFinished(trial, snapshot);
    }
  }

  @Override
  public void studyFinished(StudySnapshot snapshot) {
    if (!showing()) {
      fallback.studyFinished(snapshot);
    }
  }

  @Override
  public void guidanceChanged(GuidanceEvent event, io.hypermax.core.guidance.Guidance.State state, StudySnapshot snapshot) {
    if (!showing()) {
      realErr.println("guidance applied: " + event.describe());
    }
  }

  /** Quit → stop: the search stops like on Ctrl-C; quit → headless: the UI goes, the search goes on. */
  void quit(boolean stop) {
    if (stop) {
      stopRequested = true;
      exitNote = "console UI closed: stopping the search";
      restore();
      study.stop();
    } else {
      exitNote = "console UI closed: the search goes on headless (progress lines below; Ctrl-C stops it)";
      restore();
    }
  }

  /** Shows {@code text} in the status bar (e.g. the dashboard's address, printed before the screen took over). */
  public void note(String text) {
    model.note(text);
  }

  /** Lines written to standard error while the screen is up become the status message. */
  private final class StatusLineStream extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (!text.isEmpty()) {
          model.note(text);
        }
      } else if (line.size() < 4096) {
        line.write(b);
      }
    }
  }
}

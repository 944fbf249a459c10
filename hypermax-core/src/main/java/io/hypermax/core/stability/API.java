package io.hypermax.core.stability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far a public type (or package) of hypermax may be relied on, and since which release.
 *
 * <p>Every public top-level type in every hypermax jar carries this marker; a public nested type has
 * the status of the type that encloses it unless it is marked itself. {@code ApiMarkersTest} fails on
 * an unmarked type. See docs/plugins.md for what each level promises.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface API {

  /** How far the marked element may be relied on. */
  Status status();

  /** The release that introduced the element at this status, e.g. {@code "0.1.0"}. */
  String since();

  /** The stability levels, from least to most dependable. */
  enum Status {
    /** Used between hypermax's own modules only; may change or disappear in any release. */
    INTERNAL,
    /** Meant for users or plugin authors, but new: may change in a minor release (named in the release notes). */
    EXPERIMENTAL,
    /** Changes incompatibly only in a major release, after a release in which it was {@link #DEPRECATED}. */
    STABLE,
    /** Still works, will be removed in the next major release; the javadoc names the replacement. */
    DEPRECATED
  }
}

package io.hypermax.cli.packagerules.unmarked;

/** A public type without the @API marker: PackageRulesTest proves its marker rule reports it. */
public class Unmarked {}

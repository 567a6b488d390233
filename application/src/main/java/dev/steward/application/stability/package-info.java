/**
 * How far adapters may rely on a type of the core: {@link dev.steward.application.stability.Stable} or
 * {@link dev.steward.application.stability.Experimental}. A package of its own that depends on nothing, so that ports
 * and the SPI can both carry the annotations without depending on each other.
 */
package dev.steward.application.stability;

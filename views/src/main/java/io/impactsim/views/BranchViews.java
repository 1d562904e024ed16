package io.impactsim.views;

import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The views of what-if branches, which the dashboard shows beside the live ones. The replay tools
 * supply them ({@code io.impactsim.tools.WhatIfBranches}); without them a server has none.
 */
public interface BranchViews {
  /** No branches. */
  BranchViews NONE =
      new BranchViews() {
        @Override
        public List<String> names() {
          return List.of();
        }

        @Override
        public Optional<List<SpecificRecord>> read(String branch, View view) {
          return Optional.empty();
        }
      };

  /** The names of the branches, sorted. */
  List<String> names() throws Exception;

  /** The latest record of every key of one view of a branch; empty if there is no such branch. */
  Optional<List<SpecificRecord>> read(String branch, View view) throws Exception;
}

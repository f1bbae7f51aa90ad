/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_RESULTS_FOLDER_H
#define PPTP_RESULTS_FOLDER_H

#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * A results folder that appears whole or not at all.
 *
 * Files are written into a hidden temporary folder next to the final one
 * (".NAME.tmp-PID"); Commit() puts it in place of the final folder (an older
 * results folder there is replaced), and a folder never committed is removed
 * when this object goes away, so that an error or an exception leaves nothing
 * half-written where results are expected.
 *
 * An existing folder is only ever replaced if this program wrote it (it
 * holds the mark file MARK, which every results folder gets) or is empty: a
 * mistyped --out must not wipe a folder of something else, even one that
 * happens to hold a file named summary.json.
 */
class PptpResultsFolder
{
  public:
    /// The file that marks a folder as results of this program.
    static constexpr const char* MARK = ".pptp-sim-results";

    /**
     * Create the temporary folder (and the final folder's parents).
     * \param path the final folder
     * \throws std::runtime_error when it cannot be created, with the reason
     */
    explicit PptpResultsFolder(const std::string& path);
    ~PptpResultsFolder();

    PptpResultsFolder(const PptpResultsFolder&) = delete;
    PptpResultsFolder& operator=(const PptpResultsFolder&) = delete;

    /// \return the temporary folder, where files are written until Commit
    std::string GetPath() const;
    /// \return the final folder
    std::string GetFinalPath() const;

    /**
     * Put the temporary folder in place of the final one.
     * \throws std::runtime_error when the rename fails
     */
    void Commit();

    /**
     * Check, before any work, that a folder may be written as results.
     * \param path the final folder
     * \param problem receives why not
     * \return true if it does not exist yet, or is a results folder or empty
     */
    static bool CanReplace(const std::string& path, std::string& problem);

    /**
     * Mark a folder as written by this program (so that a later run may replace it).
     * \param folder the folder
     * \return false if the mark cannot be written
     */
    static bool Mark(const std::string& folder);

  private:
    std::string m_final;     //!< where the results go
    std::string m_temporary; //!< where they are written meanwhile
    bool m_committed{false}; //!< Commit succeeded
};

} // namespace ns3

#endif /* PPTP_RESULTS_FOLDER_H */

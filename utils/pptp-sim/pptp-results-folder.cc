/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-results-folder.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ns3
{

namespace
{

/// ".NAME.tag-PID" next to path.
fs::path
Sibling(const fs::path& path, const std::string& tag)
{
    fs::path name = path.filename();
    return path.parent_path() / ("." + name.string() + "." + tag + "-" + std::to_string(getpid()));
}

/**
 * Remove the temporary folders (".NAME.tmp-PID") that processes no longer running left
 * beside the final folder: an interrupted or killed run cannot clean up after itself.
 * Those of running processes, and anything else, stay.
 */
void
RemoveStaleTemporaries(const fs::path& final)
{
    const std::string prefix = "." + final.filename().string() + ".tmp-";
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(final.parent_path(), ec))
    {
        std::string name = entry.path().filename().string();
        std::string pid = name.substr(std::min(name.size(), prefix.size()));
        if (name.compare(0, prefix.size(), prefix) != 0 || pid.empty() || pid.size() > 9
            || pid.find_first_not_of("0123456789") != std::string::npos)
        {
            continue;
        }
        pid_t owner = static_cast<pid_t>(std::stol(pid));
        if (owner != getpid() && kill(owner, 0) != 0 && errno == ESRCH)
        {
            std::error_code ignored;
            fs::remove_all(entry.path(), ignored);
        }
    }
}

/// The final folder with a name (a trailing slash would leave it empty).
fs::path
Normalize(const std::string& path)
{
    fs::path p = fs::path(path).lexically_normal();
    if (p.filename().empty())
    {
        p = p.parent_path();
    }
    return fs::absolute(p);
}

} // namespace

bool
PptpResultsFolder::CanReplace(const std::string& path, std::string& problem)
{
    if (path.empty())
    {
        problem = "an empty path";
        return false;
    }
    std::error_code ec;
    fs::path p = Normalize(path);
    if (p == p.root_path())
    {
        problem = "'" + path + "' is the root folder";
        return false;
    }
    if (!fs::exists(p, ec))
    {
        return true;
    }
    if (!fs::is_directory(p, ec))
    {
        problem = "'" + path + "' exists and is not a folder";
        return false;
    }
    if (fs::is_regular_file(p / MARK, ec) || fs::is_empty(p, ec))
    {
        return true;
    }
    problem = "'" + path + "' exists and is not a pptp-sim results folder (no " + MARK
              + " mark in it); it is not replaced: choose another folder";
    return false;
}

bool
PptpResultsFolder::Mark(const std::string& folder)
{
    std::ofstream mark(fs::path(folder) / MARK);
    mark << "A results folder written by pptp-sim; a later run to the same --out replaces it.\n";
    return static_cast<bool>(mark);
}

PptpResultsFolder::PptpResultsFolder(const std::string& path)
{
    fs::path final = Normalize(path);
    m_final = final.string();
    std::error_code ec;
    fs::create_directories(final.parent_path(), ec);
    if (ec)
    {
        throw std::runtime_error("cannot create " + final.parent_path().string() + ": "
                                 + ec.message());
    }
    RemoveStaleTemporaries(final);
    fs::path temporary = Sibling(final, "tmp");
    fs::remove_all(temporary, ec); // left by an earlier process with the same id
    if (!fs::create_directory(temporary, ec) || ec)
    {
        throw std::runtime_error("cannot create " + temporary.string() + ": "
                                 + (ec ? ec.message() : std::string("it exists")));
    }
    m_temporary = temporary.string();
    if (!Mark(m_temporary))
    {
        throw std::runtime_error("cannot write in " + m_temporary);
    }
}

PptpResultsFolder::~PptpResultsFolder()
{
    if (!m_committed && !m_temporary.empty())
    {
        std::error_code ec;
        fs::remove_all(m_temporary, ec);
    }
}

std::string
PptpResultsFolder::GetPath() const
{
    return m_temporary;
}

std::string
PptpResultsFolder::GetFinalPath() const
{
    return m_final;
}

void
PptpResultsFolder::Commit()
{
    std::error_code ec;
    fs::path final = m_final;
    fs::path old;
    if (fs::exists(final, ec))
    {
        std::string problem;
        if (!CanReplace(m_final, problem))
        {
            throw std::runtime_error(problem);
        }
        old = Sibling(final, "old");
        fs::remove_all(old, ec);
        fs::rename(final, old, ec);
        if (ec)
        {
            throw std::runtime_error("cannot move the previous " + m_final
                                     + " aside: " + ec.message());
        }
    }
    fs::rename(m_temporary, final, ec);
    if (ec)
    {
        if (!old.empty())
        {
            std::error_code ignored;
            fs::rename(old, final, ignored); // put the previous results back
        }
        throw std::runtime_error("cannot rename " + m_temporary + " to " + m_final + ": "
                                 + ec.message());
    }
    m_committed = true;
    if (!old.empty())
    {
        fs::remove_all(old, ec);
    }
}

} // namespace ns3

-- argmap for Neovim 0.11 and newer: copy into init.lua, or load it from there with
--   dofile("/path/to/argmap/editors/nvim/argmap-0.11.lua")
-- `argmap` must be on Neovim's PATH (or write its full path in `cmd`).

vim.filetype.add({ extension = { argmap = "argmap" } })

vim.lsp.config("argmap", {
  cmd = { "argmap", "lsp" },
  filetypes = { "argmap" },
  root_markers = { ".git" },
})
vim.lsp.enable("argmap")

vim.api.nvim_create_autocmd("FileType", {
  pattern = "argmap",
  callback = function(args)
    vim.bo[args.buf].commentstring = "// %s"
    vim.bo[args.buf].shiftwidth = 2
    vim.bo[args.buf].expandtab = true
  end,
})

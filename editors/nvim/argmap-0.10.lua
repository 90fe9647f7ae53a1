-- argmap for Neovim 0.10: copy into init.lua, or load it from there with
--   dofile("/path/to/argmap/editors/nvim/argmap-0.10.lua")
-- `argmap` must be on Neovim's PATH (or write its full path in `cmd`).

vim.filetype.add({ extension = { argmap = "argmap" } })

vim.api.nvim_create_autocmd("FileType", {
  pattern = "argmap",
  callback = function(args)
    vim.bo[args.buf].commentstring = "// %s"
    vim.bo[args.buf].shiftwidth = 2
    vim.bo[args.buf].expandtab = true
    vim.lsp.start({
      name = "argmap",
      cmd = { "argmap", "lsp" },
      root_dir = vim.fs.root(args.buf, { ".git" }),
    })
    -- the mappings 0.11 has by default (0.10 already has K, CTRL-] and CTRL-X CTRL-O)
    local function map(lhs, action)
      vim.keymap.set("n", lhs, action, { buffer = args.buf })
    end
    map("grn", vim.lsp.buf.rename)
    map("gra", vim.lsp.buf.code_action)
    map("grr", vim.lsp.buf.references)
    map("gO", vim.lsp.buf.document_symbol)
  end,
})
